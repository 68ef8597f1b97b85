package app.rekindle.query.progress;

import java.time.Instant;

/** Where one step of the program stands. {@code entryCount} counts entries that were not retracted. */
public record StepProgress(
        String step,
        int number,
        String status,
        Instant startedAt,
        Instant completedAt,
        String summary,
        int reopenedCount,
        String lastReopenReason,
        int entryCount,
        Instant lastEntryAt) {}
