package org.jgpuarray.cuda.fake;

import static org.jgpuarray.cuda.fake.FakeChecks.check;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.GpuEvent;
import org.jgpuarray.GpuStream;
import org.jgpuarray.cuda.CudaFeatures;

/**
 * The core's streams ({@code ctx.newStream()}, {@code use()}, events) on the CUDA driver, as the fake driver
 * logs them: each stream is one {@code cuStreamCreate}, work inside a {@code use()} scope is launched in it and
 * work outside in the legacy default stream, events are recorded in the right stream and waited for by the
 * other, and closing streams and the context destroys every stream and event.
 */
final class FakeStreamApiScenarios {
    private final FakeLog log;

    FakeStreamApiScenarios(FakeLog log) {
        this.log = log;
    }

    /** Launches in a scope go to the scope's stream; an event of one stream is waited for by the other. */
    void scopesSelectTheDriversStream() {
        try (GpuContext ctx = GpuContext.create("cuda"); GPUArray x = ctx.zeros(DType.FLOAT32, 1000)) {
            x.mul(2.0).close(); // compiled and warm: the lines below are launches only
            log.mark();
            try (GpuStream a = ctx.newStream(); GpuStream b = ctx.newStream()) {
                List<String> created = log.since("stream create");
                check(created.size() == 2, "one cuStreamCreate per stream: " + log.sinceMark());
                String sa = id(created.get(0), "stream create id=(\\d+) flags=0");
                String sb = id(created.get(1), "stream create id=(\\d+) flags=0");
                GpuEvent done;
                log.mark();
                try (GpuStream.Scope on = a.use()) {
                    x.mul(2.0).close();
                    done = a.record();
                }
                List<String> launches = log.since("launch ");
                check(!launches.isEmpty() && launches.stream().allMatch(l -> l.endsWith(" stream=" + sa)),
                        "launches in stream " + sa + ": " + launches);
                check(log.since("event record").stream().anyMatch(l -> l.endsWith(" stream=" + sa)),
                        "the event recorded in stream " + sa + ": " + log.sinceMark());
                log.mark();
                b.waitEvent(done);
                check(log.since("stream wait").size() == 1 && log.since("stream wait").get(0).startsWith(
                        "stream wait id=" + sb + " "), "stream " + sb + " waits: " + log.sinceMark());
                log.mark();
                x.mul(2.0).close();
                launches = log.since("launch ");
                check(!launches.isEmpty() && launches.stream().noneMatch(l -> l.contains(" stream=")),
                        "outside the scope, the legacy default stream: " + launches);
                done.close();
                log.mark();
            }
            List<String> destroyed = log.since("stream destroy");
            check(destroyed.size() == 2, "closing the streams destroys both: " + log.sinceMark());
            ctx.memoryPool().freeAll(); // blocks kept with the event of their last stream
            CudaFeatures cuda = ctx.unwrap(CudaFeatures.class).orElseThrow();
            check(cuda.liveStreams() == 0 && cuda.liveEvents() == 0, cuda.liveStreams() + " streams, "
                    + cuda.liveEvents() + " events left");
        }
    }

    private static String id(String line, String regex) {
        Matcher m = Pattern.compile(regex).matcher(line);
        check(m.matches(), "expected " + regex + "\n   got: " + line);
        return m.group(1);
    }
}
