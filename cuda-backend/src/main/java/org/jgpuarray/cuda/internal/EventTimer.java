package org.jgpuarray.cuda.internal;

import static jcuda.driver.JCudaDriver.cuEventCreate;
import static jcuda.driver.JCudaDriver.cuEventDestroy;
import static jcuda.driver.JCudaDriver.cuEventElapsedTime;
import static jcuda.driver.JCudaDriver.cuEventRecord;
import static jcuda.driver.JCudaDriver.cuEventSynchronize;

import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.Set;
import jcuda.driver.CUevent;
import jcuda.driver.CUevent_flags;
import org.jgpuarray.device.DeviceTimer;

/**
 * Times device work between two CUDA events, each recorded in the stream selected when the timer starts and
 * stops (resolution about 0.5 us).
 * The events are destroyed when the timer stops or closes; a timer that is neither gives them back when it
 * is garbage-collected, or when its device closes, whichever comes first.
 */
final class EventTimer implements DeviceTimer {
    private static final Cleaner CLEANER = Cleaner.create();

    private final CudaContext context;
    private final CudaStreams streams;
    private final Events events;
    private final Cleaner.Cleanable cleanable;
    private boolean stopped;

    private EventTimer(CudaContext context, CudaStreams streams, Events events) {
        this.context = context;
        this.streams = streams;
        this.events = events;
        this.cleanable = CLEANER.register(this, events);
    }

    /**
     * Creates the events and records the start.
     *
     * @param streams the device's streams: the events are recorded in the selected one
     * @param live    the device's live events, where these are kept until destroyed
     * @throws org.jgpuarray.device.DeviceException when the driver refuses
     */
    static EventTimer start(CudaContext context, CudaStreams streams, Set<Events> live) {
        Events events = new Events(context, live);
        context.enter();
        try {
            context.check("cuEventCreate", cuEventCreate(events.start, CUevent_flags.CU_EVENT_DEFAULT));
            events.created = 1;
            context.check("cuEventCreate", cuEventCreate(events.stop, CUevent_flags.CU_EVENT_DEFAULT));
            events.created = 2;
            context.check("cuEventRecord", cuEventRecord(events.start, streams.selectedHandle()));
        } catch (RuntimeException e) {
            events.run();
            throw e;
        } finally {
            context.exit();
        }
        synchronized (live) {
            live.add(events);
        }
        return new EventTimer(context, streams, events);
    }

    /** Destroys the events of every timer of a device that is closing; later destroys do nothing. */
    static void destroyAll(Set<Events> live) {
        ArrayList<Events> all;
        synchronized (live) {
            all = new ArrayList<>(live);
        }
        all.forEach(Events::run);
    }

    @Override
    public long stopNanos() {
        if (stopped) {
            throw new IllegalStateException("this timer was already stopped");
        }
        stopped = true;
        try {
            context.enter();
            try {
                context.check("cuEventRecord", cuEventRecord(events.stop, streams.selectedHandle()));
                context.check("cuEventSynchronize", cuEventSynchronize(events.stop));
                float[] milliseconds = {0};
                context.check("cuEventElapsedTime", cuEventElapsedTime(milliseconds, events.start, events.stop));
                return Math.round(milliseconds[0] * 1e6);
            } finally {
                context.exit();
            }
        } finally {
            cleanable.clean();
        }
    }

    /** Destroys the events without waiting; idempotent. */
    @Override
    public void close() {
        stopped = true;
        cleanable.clean();
    }

    /**
     * The two events of one timer; {@link #run()} destroys them, once, in their context (also a broken one).
     * Refers to no timer (it is the timer's cleaning action).
     */
    static final class Events implements Runnable {
        private final CUevent start = new CUevent();
        private final CUevent stop = new CUevent();
        private final CudaContext context;
        private final Set<Events> live;
        private int created;
        private boolean destroyed;

        Events(CudaContext context, Set<Events> live) {
            this.context = context;
            this.live = live;
        }

        @Override
        public void run() {
            synchronized (live) {
                if (destroyed) {
                    return;
                }
                destroyed = true;
                live.remove(this);
                boolean entered = created > 0 && context.enterToRelease();
                try {
                    if (created > 0) {
                        cuEventDestroy(start);
                    }
                    if (created > 1) {
                        cuEventDestroy(stop);
                    }
                } finally {
                    if (entered) {
                        context.exit();
                    }
                }
            }
        }
    }
}
