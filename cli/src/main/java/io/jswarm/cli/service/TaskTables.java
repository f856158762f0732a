package io.jswarm.cli.service;

import io.jswarm.cli.JswarmCommand;
import io.jswarm.cli.client.DaemonClient;
import java.io.PrintWriter;

/** The task listing, for commands of other nouns ({@code node ps}). */
public final class TaskTables {
    private TaskTables() {}

    public static void print(DaemonClient client, String query, boolean noTrunc, JswarmCommand root, PrintWriter out) {
        TaskTable.print(client, query, noTrunc, root, out);
    }
}
