package io.jswarm.manager.raft;

import io.jswarm.manager.store.EntryResult;
import io.jswarm.manager.store.LogEntry;
import io.jswarm.manager.store.StoreException;
import io.jswarm.manager.store.StoreState;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CompletableFuture;
import org.apache.ratis.io.MD5Hash;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.StateMachineStorage;
import org.apache.ratis.statemachine.TransactionContext;
import org.apache.ratis.statemachine.impl.BaseStateMachine;
import org.apache.ratis.statemachine.impl.SimpleStateMachineStorage;
import org.apache.ratis.statemachine.impl.SingleFileSnapshotInfo;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.apache.ratis.util.MD5FileUtil;

/**
 * The one Raft state machine of a manager: it feeds committed entries to the {@link StoreState}.
 * Only {@link #applyTransaction} changes state (plus snapshot loading at start); snapshots are
 * files named by term and index with an MD5 checksum beside them, verified when loaded.
 */
final class StoreStateMachine extends BaseStateMachine {
    private final StoreState state;
    private final SimpleStateMachineStorage storage = new SimpleStateMachineStorage();

    StoreStateMachine(StoreState state) {
        this.state = state;
    }

    @Override
    public void initialize(RaftServer server, RaftGroupId groupId, RaftStorage raftStorage) throws IOException {
        super.initialize(server, groupId, raftStorage);
        storage.init(raftStorage);
        loadSnapshot(storage.getLatestSnapshot());
    }

    @Override
    public void reinitialize() throws IOException {
        loadSnapshot(storage.loadLatestSnapshot());
    }

    @Override
    public StateMachineStorage getStateMachineStorage() {
        return storage;
    }

    private void loadSnapshot(SingleFileSnapshotInfo snapshot) throws IOException {
        if (snapshot == null) {
            return;
        }
        File file = snapshot.getFile().getPath().toFile();
        MD5Hash expected = snapshot.getFile().getFileDigest();
        if (expected == null) {
            expected = MD5FileUtil.readStoredMd5ForFile(file);
        }
        MD5Hash actual = MD5FileUtil.computeMd5ForFile(file);
        if (!actual.equals(expected)) {
            throw new IOException("snapshot " + file + " is corrupt: checksum " + actual + ", expected " + expected);
        }
        state.restore(StoreState.decodeSnapshot(Files.readAllBytes(file.toPath())));
        updateLastAppliedTermIndex(snapshot.getTerm(), snapshot.getIndex());
    }

    @Override
    public long takeSnapshot() throws IOException {
        // Taken under the store's read lock, so it is exactly the state at its own index.
        byte[] bytes = state.encodeSnapshot();
        long index = state.appliedIndex();
        TermIndex last = getLastAppliedTermIndex();
        // Name it by the last applied Raft entry (which may be a configuration entry after the
        // last store entry): everything up to it is reflected in the file.
        long snapIndex = Math.max(index, last.getIndex());
        File file = storage.getSnapshotFile(last.getTerm(), snapIndex);
        File tmp = new File(file.getParentFile(), file.getName() + ".tmp");
        Files.write(tmp.toPath(), bytes);
        Files.move(tmp.toPath(), file.toPath(), StandardCopyOption.ATOMIC_MOVE);
        MD5Hash md5 = MD5FileUtil.computeAndSaveMd5ForFile(file);
        storage.updateLatestSnapshot(new SingleFileSnapshotInfo(
                new org.apache.ratis.server.storage.FileInfo(file.toPath(), md5), last.getTerm(), snapIndex));
        return snapIndex;
    }

    /** Refuses entries this manager could not apply before they enter the log (leader side). */
    @Override
    public TransactionContext startTransaction(RaftClientRequest request) throws IOException {
        try {
            LogEntry.decode(request.getMessage().getContent().toByteArray());
        } catch (RuntimeException e) {
            throw new IOException("refused log entry: " + e.getMessage(), e);
        }
        return super.startTransaction(request);
    }

    @Override
    public CompletableFuture<Message> applyTransaction(TransactionContext trx) {
        LogEntryProto entry = trx.getLogEntry();
        byte[] data = entry.getStateMachineLogEntry().getLogData().toByteArray();
        EntryResult result;
        try {
            result = state.apply(entry.getIndex(), LogEntry.decode(data));
        } catch (StoreException e) {
            // An entry a newer manager wrote: stop applying rather than diverge.
            return CompletableFuture.failedFuture(e);
        }
        updateLastAppliedTermIndex(entry.getTerm(), entry.getIndex());
        return CompletableFuture.completedFuture(Message.valueOf(ByteString.copyFrom(result.encode())));
    }

    /** A read-only query runs after Ratis applied everything up to the read index: answer where we are. */
    @Override
    public CompletableFuture<Message> query(Message request) {
        return CompletableFuture.completedFuture(Message.valueOf(
                ByteString.copyFrom(Long.toString(state.appliedIndex()), StandardCharsets.UTF_8)));
    }
}
