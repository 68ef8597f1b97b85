package app.rekindle.query.progress;

import java.util.List;
import java.util.UUID;

public record JournalProgress(UUID journalId, long version, boolean stale, List<StepProgress> steps) {}
