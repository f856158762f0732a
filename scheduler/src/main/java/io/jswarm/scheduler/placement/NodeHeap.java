package io.jswarm.scheduler.placement;

import java.util.Arrays;

/**
 * A binary min-heap of node indices under a caller-given order, without boxing. The placer only
 * ever changes the key of the top node (the one it just gave a task), so {@link #topChanged}
 * restores the heap in O(log n) and a whole group costs O(tasks · log nodes).
 */
final class NodeHeap {

    /** Strict order: true when node {@code a} should be chosen before node {@code b}. */
    interface Order {
        boolean before(int a, int b);
    }

    private final int[] heap;
    private int size;
    private final Order order;

    NodeHeap(int[] nodes, int count, Order order) {
        this.heap = Arrays.copyOf(nodes, count);
        this.size = count;
        this.order = order;
        for (int i = size / 2 - 1; i >= 0; i--) {
            siftDown(i);
        }
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    int peek() {
        return heap[0];
    }

    /** The top node can take no more tasks of this group. */
    void removeTop() {
        heap[0] = heap[--size];
        siftDown(0);
    }

    /** The top node's key changed (it got a task); either direction is fine at the root. */
    void topChanged() {
        siftDown(0);
    }

    private void siftDown(int i) {
        int item = heap[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && order.before(heap[right], heap[child])) {
                child = right;
            }
            if (!order.before(heap[child], item)) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = item;
    }
}
