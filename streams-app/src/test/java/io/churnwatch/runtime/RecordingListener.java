package io.churnwatch.runtime;

import io.churnwatch.jsonl.ParseResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Keeps what an import reported, and the order of the calls. */
final class RecordingListener implements ImportListener {

    final List<FileProgress> progress = new ArrayList<>();
    final List<ParseResult<?>> rejections = new ArrayList<>();
    final List<String> calls = new ArrayList<>();

    @Override
    public void started(final FileProgress started) {
        calls.add("started");
    }

    @Override
    public void progress(final FileProgress reported) {
        progress.add(reported);
    }

    @Override
    public void rejected(final Path file, final ParseResult<?> rejection) {
        rejections.add(rejection);
    }

    @Override
    public void finished(final ImportResult result) {
        calls.add("finished");
    }
}
