package org.newsroommonitor.ingest.fetch;

/** Ends a fetch early with the {@link FetchResult.Failed} it comes to; no stack trace, it is an answer, not a bug. */
final class FetchFailure extends Exception {

    private final FetchResult.Failed result;

    FetchFailure(FetchOutcome outcome, Integer status, String error) {
        super(error, null, false, false);
        this.result = new FetchResult.Failed(outcome, status, error);
    }

    FetchResult.Failed result() {
        return result;
    }
}
