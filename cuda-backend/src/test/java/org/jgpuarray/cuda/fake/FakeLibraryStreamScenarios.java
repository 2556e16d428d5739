package org.jgpuarray.cuda.fake;

import static org.jgpuarray.cuda.fake.FakeChecks.check;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jgpuarray.cuda.CudaBackend;
import org.jgpuarray.cuda.CudaFeatures;
import org.jgpuarray.cuda.internal.CudaDriver;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.spi.BackendDevice;
import org.jgpuarray.spi.BlasProvider;
import org.jgpuarray.spi.DeviceBuffer;
import org.jgpuarray.spi.FftKind;
import org.jgpuarray.spi.FftPlan;
import org.jgpuarray.spi.FftProvider;
import org.jgpuarray.spi.FftShape;
import org.jgpuarray.spi.RandomProvider;
import org.jgpuarray.spi.gpu.GpuQueue;

/**
 * The CUDA libraries follow the driver's selected stream: each cuBLAS, cuFFT and cuRAND call runs in it, and the
 * library's stream is switched ({@code cublasSetStream_v2}, {@code cufftSetStream}, {@code curandSetStream}) only
 * when the selection changed since the library's last call. The stream ids are the fake driver's.
 */
final class FakeLibraryStreamScenarios {
    private final FakeLog log;

    FakeLibraryStreamScenarios(FakeLog log) {
        this.log = log;
    }

    /** cuBLAS; with {@code all}, cuFFT and cuRAND too. */
    void librariesFollowTheSelectedStream(boolean all) {
        try (BackendDevice dev = new CudaBackend().open(0)) {
            CudaDriver driver = (CudaDriver) dev.unwrap(CudaFeatures.class).orElseThrow();
            DeviceBuffer x = dev.allocate(ScalarType.FLOAT32, 64);
            DeviceBuffer y = dev.allocate(ScalarType.FLOAT32, 64);
            BlasProvider blas = dev.library(BlasProvider.class).orElseThrow(() -> new AssertionError("no cuBLAS"));
            log.mark();
            GpuQueue q = driver.createQueue();
            String s = id(log.since("stream create").get(0), "stream create id=(\\d+) flags=0");

            log.mark();
            blas.axpy(ScalarType.FLOAT32, 8, 2.0, x, y);
            check(log.since("cublasSetStream").isEmpty(), "no switch while the own queue stays selected: "
                    + log.sinceMark());
            check(log.since("cublasSaxpy_v2").get(0).matches("cublasSaxpy_v2 handle=\\d+ stream=0 .*"),
                    log.sinceMark());
            driver.select(q);
            log.mark();
            blas.axpy(ScalarType.FLOAT32, 8, 2.0, x, y);
            blas.axpy(ScalarType.FLOAT32, 8, 3.0, x, y);
            String text = log.sinceMark();
            check(text.matches("cublasSetStream handle=\\d+ stream=" + s + "\n"
                    + "cublasSaxpy_v2 handle=\\d+ stream=" + s + " [^\n]*\n"
                    + "cublasSaxpy_v2 handle=\\d+ stream=" + s + " [^\n]*"),
                    "one switch, then both calls in the selected stream:\n" + text);
            driver.select(driver.ownQueue());
            log.mark();
            blas.axpy(ScalarType.FLOAT32, 8, 2.0, x, y);
            check(log.sinceMark().matches("cublasSetStream handle=\\d+ stream=0\ncublasSaxpy_v2 handle=\\d+ stream=0 [^\n]*"),
                    "back to the legacy stream:\n" + log.sinceMark());
            if (all) {
                fft(dev, driver, q, s, x, y);
                random(dev, driver, q, s, y);
            }
            driver.select(driver.ownQueue());
            q.release();
        }
    }

    private void fft(BackendDevice dev, CudaDriver driver, GpuQueue q, String s, DeviceBuffer in, DeviceBuffer out) {
        FftProvider fft = dev.library(FftProvider.class).orElseThrow(() -> new AssertionError("no cuFFT"));
        log.mark();
        FftPlan plan = fft.plan(new FftShape(FftKind.COMPLEX, ScalarType.FLOAT32, new long[] {8}, 2));
        String id = log.expectOne("cufftSetStream", "cufftSetStream plan=(\\d+) stream=0").group(1);
        driver.select(q);
        log.mark();
        plan.execute(in, out, false, 1.0);
        plan.execute(in, out, false, 1.0);
        check(log.since("cufftSetStream").equals(List.of("cufftSetStream plan=" + id + " stream=" + s)),
                "the plan switched once: " + log.sinceMark());
        List<String> runs = log.since("cufftExecC2C");
        check(runs.size() == 2 && runs.stream().allMatch(l -> l.endsWith(" stream=" + s)), "in the stream: " + runs);
        driver.select(driver.ownQueue());
        plan.release();
    }

    private void random(BackendDevice dev, CudaDriver driver, GpuQueue q, String s, DeviceBuffer out) {
        RandomProvider random = dev.library(RandomProvider.class).orElseThrow(() -> new AssertionError("no cuRAND"));
        driver.select(q);
        log.mark();
        random.uniform(ScalarType.FLOAT32, 42, 0, out, 16);
        random.uniform(ScalarType.FLOAT32, 42, 4, out, 16);
        List<String> switches = log.since("curandSetStream");
        check(switches.size() == 1 && switches.get(0).matches("curandSetStream gen=\\d+ stream=" + s),
                "the generator switched once: " + log.sinceMark());
        List<String> runs = log.since("curandGenerateUniform");
        check(runs.size() == 2 && runs.stream().allMatch(l -> l.endsWith(" stream=" + s)), "in the stream: " + runs);
        driver.select(driver.ownQueue());
        log.mark();
        random.uniform(ScalarType.FLOAT32, 42, 8, out, 16);
        List<String> back = log.since("curandSetStream");
        check(back.size() == 1 && back.get(0).endsWith(" stream=0"), "back to the legacy stream: " + log.sinceMark());
    }

    private static String id(String line, String regex) {
        Matcher m = Pattern.compile(regex).matcher(line);
        check(m.matches(), "expected " + regex + "\n   got: " + line);
        return m.group(1);
    }
}
