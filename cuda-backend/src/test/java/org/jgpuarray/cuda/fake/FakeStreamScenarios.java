package org.jgpuarray.cuda.fake;

import static org.jgpuarray.cuda.fake.FakeChecks.check;
import static org.jgpuarray.cuda.fake.FakeChecks.expect;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jgpuarray.cuda.CudaBackend;
import org.jgpuarray.cuda.CudaFeatures;
import org.jgpuarray.cuda.internal.CudaDriver;
import org.jgpuarray.device.DeviceException;
import org.jgpuarray.device.OutOfDeviceMemoryException;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.spi.BackendDevice;
import org.jgpuarray.spi.DeviceBuffer;
import org.jgpuarray.spi.HostArray;
import org.jgpuarray.spi.PinnedMemory;
import org.jgpuarray.spi.gpu.GpuKernel;
import org.jgpuarray.spi.gpu.GpuMarker;
import org.jgpuarray.spi.gpu.GpuQueue;

/**
 * The CUDA driver's streams, events, pinned memory and asynchronous copies ({@code GpuDriver.createQueue},
 * {@code select}, {@code GpuQueue}, {@code GpuMarker}, {@code allocatePinned}, {@code writeAsync},
 * {@code readAsync}) as the fake driver logs them: each launch and copy carries the selected stream, events are
 * recorded and waited for in order, async copies of native memory use the Async entry points and Java arrays the
 * synchronous ones, every stream, event and pinned block is destroyed by close, and injected errors become
 * exceptions naming the call. Driven through the driver itself (the core's streams select queues the same way).
 */
final class FakeStreamScenarios {
    private static final String TOUCH = "extern \"C\" __global__ void touch(float *x) { x[0] = 1; }";
    private final FakeLog log;

    FakeStreamScenarios(FakeLog log) {
        this.log = log;
    }

    /** Launches, device copies and timers in the selected stream; the legacy default stream is the own queue. */
    void launchesAndCopiesCarryTheSelectedStream() {
        try (BackendDevice dev = new CudaBackend().open(0)) {
            CudaDriver driver = driver(dev);
            GpuKernel touch = kernel(driver);
            DeviceBuffer a = driver.allocate(64);
            DeviceBuffer b = driver.allocate(64);
            log.mark();
            GpuQueue q1 = driver.createQueue();
            GpuQueue q2 = driver.createQueue();
            List<String> created = log.since("stream create");
            check(created.size() == 2 && created.stream().allMatch(l -> l.endsWith(" flags=0")),
                    "two blocking streams (CU_STREAM_DEFAULT): " + created);
            String s1 = id(created.get(0), "stream create id=(\\d+) flags=0");
            String s2 = id(created.get(1), "stream create id=(\\d+) flags=0");
            check(!s1.equals(s2), "two streams: " + created);

            driver.select(q1);
            check(driver.streamHandle() != 0, "a created stream's handle is not the legacy stream's");
            log.mark();
            launch(touch, a);
            driver.copy(a, 0, b, 8, 16);
            long t1 = driver.streamHandle();
            driver.select(q2);
            check(driver.streamHandle() != 0 && driver.streamHandle() != t1, "q2 has its own handle");
            launch(touch, b);
            driver.select(driver.ownQueue());
            check(driver.streamHandle() == 0, "the own queue is the legacy default stream");
            launch(touch, a);
            driver.copy(b, 0, a, 0, 4);
            List<String> lines = List.of(log.sinceMark().split("\n"));
            check(lines.size() == 5, "two launches and a copy: " + lines);
            check(lines.get(0).matches("launch touch .* params=buf\\d+\\+0 stream=" + s1), lines.get(0));
            check(lines.get(1).matches("copy buf\\d+\\+8 <- buf\\d+\\+0 bytes=16 stream=" + s1), lines.get(1));
            check(lines.get(2).matches("launch touch .* params=buf\\d+\\+0 stream=" + s2), lines.get(2));
            check(lines.get(3).matches("launch touch .* params=buf\\d+\\+0"), "no stream for the legacy stream: "
                    + lines.get(3));
            check(lines.get(4).matches("copy buf\\d+\\+0 <- buf\\d+\\+0 bytes=4 stream=0"), lines.get(4));

            driver.select(q2);
            log.mark();
            driver.startTimer().stopNanos();
            List<String> records = log.since("event record");
            check(records.size() == 2 && records.stream().allMatch(l -> l.endsWith(" stream=" + s2)),
                    "the timer's events in the selected stream: " + records);
            driver.select(driver.ownQueue());
            q1.release();
            q2.release();
        }
    }

    /** record, waitFor, elapsed time, isDone and synchronize reach the driver in order, with the right pair. */
    void eventsRecordedAndWaitedInOrder() {
        try (BackendDevice dev = new CudaBackend().open(0)) {
            CudaDriver driver = driver(dev);
            GpuKernel touch = kernel(driver);
            DeviceBuffer a = driver.allocate(64);
            GpuQueue q1 = driver.createQueue();
            GpuQueue q2 = driver.createQueue();
            driver.select(q1);
            log.mark();
            launch(touch, a);
            GpuMarker start = q1.record();
            q2.waitFor(start);
            launch(touch, a);
            GpuMarker end = q1.record();
            String text = log.sinceMark();
            Matcher m = Pattern.compile("launch touch [^\n]* stream=(\\d+)\nevent create id=(\\d+) flags=0\n"
                    + "event record id=\\2 stream=\\1\nstream wait id=(\\d+) event=\\2 flags=0\nlaunch touch [^\n]* stream=\\1\n"
                    + "event create id=(\\d+) flags=0\nevent record id=\\4 stream=\\1").matcher(text);
            check(m.matches(), "launch, record (a timing event), wait in the other stream, launch, record:\n" + text);
            String startId = m.group(2);
            String endId = m.group(4);
            check(!m.group(3).equals(m.group(1)), "the wait is in the other stream: " + text);

            log.mark();
            double forward = end.elapsedMillisSince(start);
            double backward = start.elapsedMillisSince(end);
            List<String> pairs = log.since("event elapsed");
            check(pairs.equals(List.of("event elapsed start=" + startId + " end=" + endId,
                    "event elapsed start=" + endId + " end=" + startId)), "cuEventElapsedTime's pairs: " + pairs);
            check(forward > 0 && backward == -forward, "elapsed " + forward + " and " + backward);
            check(log.sinceMark().indexOf("event sync id=" + startId) < log.sinceMark().indexOf("event elapsed"),
                    "both waited for before the time is read: " + log.sinceMark());

            check(start.isDone() && q1.isDone(), "done on the fake");
            log.inject("cuEventQuery", 600);
            log.inject("cuStreamQuery", 600);
            try {
                check(!end.isDone(), "CUDA_ERROR_NOT_READY: the event is not done");
                check(!q2.isDone(), "CUDA_ERROR_NOT_READY: the stream is not done");
            } finally {
                log.clearFailure();
            }
            log.mark();
            q2.synchronize();
            end.synchronize();
            check(log.since("stream sync").equals(List.of("stream sync id=" + m.group(3))), log.sinceMark());
            check(log.since("event sync").equals(List.of("event sync id=" + endId)), log.sinceMark());

            log.mark();
            start.release();
            start.release();
            end.release();
            check(log.since("event destroy").size() == 2, "each event destroyed once: " + log.sinceMark());
            expect(IllegalStateException.class, () -> q1.waitFor(start));
            q1.release();
            String released = log.sinceMark();
            check(released.indexOf("stream sync id=" + m.group(1)) >= 0
                    && released.indexOf("stream sync id=" + m.group(1)) < released.indexOf("stream destroy id=" + m.group(1)),
                    "release waits for the stream, then destroys it: " + released);
            check(driver.streamHandle() == 0, "releasing the selected stream selects the own queue again");
            expect(IllegalStateException.class, q1::synchronize);
            expect(IllegalStateException.class, () -> driver.select(q1));
            q2.release();
        }
    }

    /** Each stream has its own throttle point: throttling one waits for that stream's previous event only. */
    void throttlePerStream() {
        try (BackendDevice dev = new CudaBackend().open(0)) {
            CudaDriver driver = driver(dev);
            GpuQueue q1 = driver.createQueue();
            GpuQueue q2 = driver.createQueue();
            log.mark();
            driver.select(q1);
            driver.throttle();
            driver.select(q2);
            driver.throttle();
            driver.select(q1);
            driver.throttle();
            String text = log.sinceMark();
            Matcher m = Pattern.compile("event create id=(\\d+) flags=2\nevent record id=\\1 stream=(\\d+)\n"
                    + "event create id=(\\d+) flags=2\nevent record id=\\3 stream=(\\d+)\n"
                    + "event sync id=\\1\nevent destroy id=\\1\nevent create id=(\\d+) flags=2\nevent record id=\\5 stream=\\2")
                    .matcher(text);
            check(m.matches() && !m.group(2).equals(m.group(4)), "q1's second throttle waits for q1's first point only:\n"
                    + text);
            log.mark();
            driver.synchronize();
            check(log.since("event destroy").size() == 2, "synchronize drops both points: " + log.sinceMark());
            driver.select(driver.ownQueue());
            q1.release();
            q2.release();
        }
    }

    /**
     * Pinned memory is cuMemHostAlloc'ed (portable) and freed by cuMemFreeHost; async copies of native memory use
     * the Async entry points in the selected stream; Java arrays use the synchronous copies; values round-trip.
     */
    void asyncCopiesOfPinnedAndHeapMemory() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        try (BackendDevice dev = new CudaBackend().open(0)) {
            CudaDriver driver = driver(dev);
            DeviceBuffer d = driver.allocate(4 * 1003);
            GpuQueue q = driver.createQueue();
            log.mark();
            PinnedMemory source = driver.allocatePinned(4 * 1003);
            PinnedMemory target = driver.allocatePinned(4 * 1003);
            List<String> allocs = log.since("host alloc");
            check(allocs.size() == 2 && allocs.get(0).matches("host alloc id=\\d+ bytes=4012 flags=1"),
                    "portable page-locked memory: " + allocs);
            String src = id(allocs.get(0), "host alloc id=(\\d+) bytes=4012 flags=1");
            String dst = id(allocs.get(1), "host alloc id=(\\d+) bytes=4012 flags=1");
            check(source.byteSize() == 4012 && source.buffer().isDirect()
                    && source.buffer().order() == ByteOrder.nativeOrder(), "a native-order direct buffer");
            float[] values = new float[1003];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextFloat() - 0.5f;
            }
            source.buffer().asFloatBuffer().put(values);
            FloatBuffer poison = target.buffer().asFloatBuffer();
            for (int i = 0; i < values.length; i++) {
                poison.put(i, Float.NaN);
            }
            HostArray in = HostArray.direct(ScalarType.FLOAT32, source.buffer().asFloatBuffer());
            HostArray out = HostArray.direct(ScalarType.FLOAT32, target.buffer().asFloatBuffer());

            driver.select(q);
            check(driver.streamHandle() != 0, "a created stream is selected");
            log.mark();
            driver.writeAsync(in, 0, d, 0, 1003);
            driver.readAsync(d, 0, out, 0, 1003);
            driver.writeAsync(in, 3, d, 8, 5);
            List<String> lines = List.of(log.sinceMark().split("\n"));
            check(lines.size() == 3, "three async copies: " + lines);
            String stream = id(lines.get(0), "write async buf\\d+\\+0 <- pinned" + src + "\\+0 bytes=4012 stream=(\\d+)");
            check(!stream.equals("0"), "not the legacy stream: " + lines.get(0));
            check(lines.get(1).matches("read async pinned" + dst + "\\+0 <- buf\\d+\\+0 bytes=4012 stream=" + stream),
                    lines.get(1));
            check(lines.get(2).matches("write async buf\\d+\\+8 <- pinned" + src + "\\+12 bytes=20 stream=" + stream),
                    "offsets: " + lines.get(2));
            q.synchronize();
            float[] back = new float[1003];
            target.buffer().asFloatBuffer().get(back);
            check(Arrays.equals(values, back), "pinned round trip (seed " + seed + ")");

            log.mark();
            ByteBuffer direct = ByteBuffer.allocateDirect(4 * 7).order(ByteOrder.nativeOrder());
            driver.writeAsync(HostArray.direct(ScalarType.FLOAT32, direct.asFloatBuffer()), 0, d, 0, 7);
            check(log.sinceMark().matches("write async buf\\d+\\+0 <- host bytes=28 stream=" + stream),
                    "other native memory is copied asynchronously too: " + log.sinceMark());

            log.mark();
            float[] heap = Arrays.copyOf(values, 11);
            driver.writeAsync(HostArray.of(heap), 1, d, 4, 10);
            float[] heapBack = new float[12];
            Arrays.fill(heapBack, Float.NaN);
            driver.readAsync(d, 4, HostArray.of(heapBack), 2, 10);
            lines = List.of(log.sinceMark().split("\n"));
            check(lines.size() == 2 && lines.get(0).matches("write buf\\d+\\+4 <- host bytes=40")
                    && lines.get(1).matches("read host <- buf\\d+\\+4 bytes=40"),
                    "Java arrays use the synchronous copies: " + lines);
            for (int i = 0; i < 10; i++) {
                check(heapBack[2 + i] == heap[1 + i], "heap round trip at " + i + " (seed " + seed + ")");
            }
            check(Float.isNaN(heapBack[0]) && Float.isNaN(heapBack[1]), "nothing written before the offset");

            log.mark();
            source.release();
            source.release();
            check(log.since("host free").equals(List.of("host free id=" + src)), "freed once: " + log.sinceMark());
            expect(IllegalStateException.class, source::buffer);
            expect(IllegalArgumentException.class, () -> driver.allocatePinned(-1));
            log.mark();
            OutOfDeviceMemoryException oom = expect(OutOfDeviceMemoryException.class,
                    () -> driver.allocatePinned(65L << 20));
            check(oom.requestedBytes() == 65L << 20 && oom.call().equals("cuMemHostAlloc")
                    && oom.getMessage().contains("cuMemHostAlloc(" + (65L << 20) + " bytes)"), oom.getMessage());
            check(log.since("host alloc").isEmpty(), "nothing allocated");
            driver.select(driver.ownQueue());
            q.release();
        }
    }

    /** Queues and events of another device, released ones, and the own queue's release are refused in Java. */
    void foreignStreamsAndEventsAreRefused() {
        try (BackendDevice one = new CudaBackend().open(0); BackendDevice two = new CudaBackend().open(0)) {
            CudaDriver a = driver(one);
            CudaDriver b = driver(two);
            GpuQueue qa = a.createQueue();
            GpuQueue qb = b.createQueue();
            GpuMarker ma = qa.record();
            GpuMarker mb = qb.record();
            log.mark();
            IllegalArgumentException foreign = expect(IllegalArgumentException.class, () -> a.select(qb));
            check(foreign.getMessage().contains("does not belong to this CUDA device"), foreign.getMessage());
            expect(IllegalArgumentException.class, () -> a.select(b.ownQueue()));
            expect(IllegalArgumentException.class, () -> a.select(null));
            IllegalArgumentException event = expect(IllegalArgumentException.class, () -> qa.waitFor(mb));
            check(event.getMessage().contains("waited for event"), event.getMessage());
            expect(IllegalArgumentException.class, () -> ma.elapsedMillisSince(mb));
            expect(IllegalStateException.class, () -> a.ownQueue().release());
            check(log.sinceMark().isEmpty(), "nothing reached the driver: " + log.sinceMark());
            ma.release();
            mb.release();
            qa.release();
            qb.release();
        }
    }

    /** Failures injected into each new entry point become exceptions naming the call; nothing leaks. */
    void injectedErrorsNameTheCall() {
        try (BackendDevice dev = new CudaBackend().open(0)) {
            CudaDriver driver = driver(dev);
            DeviceBuffer d = driver.allocate(64);
            PinnedMemory pinned = driver.allocatePinned(64);
            HostArray host = HostArray.direct(ScalarType.FLOAT32, pinned.buffer().asFloatBuffer());
            failing("cuStreamCreate", 1, "cuStreamCreate", driver::createQueue);
            OutOfDeviceMemoryException noRoom = expect(OutOfDeviceMemoryException.class, () -> {
                log.inject("cuStreamCreate", 2);
                try {
                    driver.createQueue();
                } finally {
                    log.clearFailure();
                }
            });
            check(noRoom.getMessage().contains("no room for another stream"), noRoom.getMessage());
            GpuQueue q = driver.createQueue();
            driver.select(q);
            log.mark();
            failing("cuEventRecord", 1, "cuEventRecord", q::record);
            check(log.since("event create").size() == 1 && log.since("event destroy").size() == 1,
                    "the event of a failed record is destroyed: " + log.sinceMark());
            failing("cuEventCreate", 1, "cuEventCreate", q::record);
            GpuMarker marker = q.record();
            GpuMarker later = q.record();
            failing("cuStreamWaitEvent", 1, "cuStreamWaitEvent", () -> q.waitFor(marker));
            failing("cuStreamSynchronize", 1, "cuStreamSynchronize", q::synchronize);
            failing("cuStreamQuery", 1, "cuStreamQuery", q::isDone);
            failing("cuEventQuery", 1, "cuEventQuery", marker::isDone);
            failing("cuEventSynchronize", 1, "cuEventSynchronize", marker::synchronize);
            failing("cuEventElapsedTime", 1, "cuEventElapsedTime", () -> later.elapsedMillisSince(marker));
            failing("cuMemcpyHtoDAsync_v2", 1, "cuMemcpyHtoDAsync", () -> driver.writeAsync(host, 0, d, 0, 16));
            failing("cuMemcpyDtoHAsync_v2", 1, "cuMemcpyDtoHAsync", () -> driver.readAsync(d, 0, host, 0, 16));
            failing("cuMemHostAlloc", 1, "cuMemHostAlloc", () -> driver.allocatePinned(8));
            OutOfDeviceMemoryException oom = expect(OutOfDeviceMemoryException.class, () -> {
                log.inject("cuMemHostAlloc", 2);
                try {
                    driver.allocatePinned(12345);
                } finally {
                    log.clearFailure();
                }
            });
            check(oom.requestedBytes() == 12345 && oom.getMessage().contains("cuMemHostAlloc(12345 bytes)"),
                    oom.getMessage());
            check(q.isDone() && !driver.context().isBroken(), "the stream works after non-sticky failures");
            driver.select(driver.ownQueue());
            marker.release();
            later.release();
            q.release();
        }
    }

    /** A sticky error from a stream call breaks the context; closing still destroys the stream and the event. */
    void stickyErrorFromAStream() {
        BackendDevice dev = new CudaBackend().open(0);
        CudaDriver driver = driver(dev);
        GpuQueue q = driver.createQueue();
        GpuMarker marker = q.record();
        PinnedMemory pinned = driver.allocatePinned(16);
        log.inject("cuStreamSynchronize", 700);
        try {
            DeviceException sticky = expect(DeviceException.class, q::synchronize);
            check(sticky.call().equals("cuStreamSynchronize") && sticky.code() == 700
                    && sticky.getMessage().contains("unusable"), sticky.getMessage());
        } finally {
            log.clearFailure();
        }
        check(driver.context().isBroken(), "the context is broken");
        DeviceException after = expect(DeviceException.class, q::record);
        check(after.getMessage().contains("unusable after CUDA_ERROR_ILLEGAL_ADDRESS"), after.getMessage());
        expect(DeviceException.class, driver::createQueue);
        check(pinned.byteSize() == 16, "pinned memory is still there until the device closes");
        log.mark();
        dev.close();
        String closed = log.sinceMark();
        check(closed.contains("event destroy") && closed.contains("stream destroy") && closed.contains("host free"),
                "the broken device's close destroys its stream and event and frees its pinned memory: " + closed);
        try (BackendDevice again = new CudaBackend().open(0)) {
            GpuQueue fresh = driver(again).createQueue();
            fresh.synchronize();
            fresh.release();
        }
    }

    /** Closing a device destroys every stream and event and frees every pinned block the caller did not. */
    void closeReleasesEverything() {
        log.mark();
        try (BackendDevice dev = new CudaBackend().open(0)) {
            CudaDriver driver = driver(dev);
            GpuQueue q1 = driver.createQueue();
            GpuQueue q2 = driver.createQueue();
            GpuQueue q3 = driver.createQueue();
            q1.release();
            GpuMarker kept = q2.record();
            q3.record();
            q2.record().release();
            kept.elapsedMillisSince(kept);
            driver.select(q3);
            driver.throttle();
            driver.allocatePinned(100);
            driver.allocatePinned(0);
            driver.allocatePinned(300).release();
            CudaFeatures features = dev.unwrap(CudaFeatures.class).orElseThrow();
            check(features.liveStreams() == 2 && features.liveEvents() == 2 && features.livePinnedBlocks() == 2,
                    "live before close: " + features.liveStreams() + " streams, " + features.liveEvents() + " events, "
                    + features.livePinnedBlocks() + " pinned blocks");
        }
        check(count("stream create") == 3 && count("stream destroy") == 3, "streams: " + log.sinceMark());
        check(count("event create") == 4 && count("event destroy") == 4, "events: " + log.sinceMark());
        check(count("host alloc") == 3 && count("host free") == 3, "pinned blocks: " + log.sinceMark());
        String text = log.sinceMark();
        check(text.lastIndexOf("stream destroy") < text.lastIndexOf("release refs="),
                "destroyed before the context is released: " + text);
    }

    private long count(String prefix) {
        return log.since(prefix).size();
    }

    private void failing(String function, int status, String call, Runnable body) {
        log.inject(function, status);
        try {
            DeviceException e = expect(DeviceException.class, body);
            check(e.call().equals(call) && e.code() == status, function + " -> " + e.getMessage() + " (call "
                    + e.call() + ")");
            check(e.getMessage().contains(call), "the message names " + call + ": " + e.getMessage());
        } finally {
            log.clearFailure();
        }
    }

    private static CudaDriver driver(BackendDevice dev) {
        return (CudaDriver) dev.unwrap(CudaFeatures.class).orElseThrow();
    }

    private static GpuKernel kernel(CudaDriver driver) {
        return driver.build("touch", TOUCH, List.of()).kernel("touch").orElseThrow();
    }

    private static void launch(GpuKernel kernel, DeviceBuffer x) {
        kernel.launch(new long[] {1, 1, 1}, new long[] {1, 1, 1}, 0, new Object[] {x});
    }

    private static String id(String line, String regex) {
        Matcher m = Pattern.compile(regex).matcher(line);
        check(m.matches(), "expected " + regex + "\n   got: " + line);
        return m.group(1);
    }
}
