package io.jswarm.scheduler.restart;

import java.time.Instant;
import java.util.Objects;

/** What the restart policy says about a slot whose task has stopped. */
public sealed interface RestartDecision {

    /** Create the replacement task now. */
    record Now() implements RestartDecision {}

    /** The restart delay has not elapsed: ask again at {@code when}. */
    record At(Instant when) implements RestartDecision {
        public At {
            Objects.requireNonNull(when, "when");
        }
    }

    /** The policy forbids a replacement; {@code reason} is shown to the user. */
    record Never(String reason) implements RestartDecision {}

    RestartDecision NOW = new Now();
}
