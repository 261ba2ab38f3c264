package dev.spoor.benchmarks.steadyrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.spoor.benchmarks.steadyrate.ProcessSnapshot.ThreadUse;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadProcessTest {

  @Test
  void attributesEachThreadToTheLoadTheTracerOrTheRest() {
    LoadResult result = new LoadResult();
    LoadProcess.attribute(List.of(
        new ThreadUse(1, LoadProcess.LOAD_THREAD, 1_000, 100),
        new ThreadUse(2, "BatchSpanProcessor_WorkerThread-1", 300, 30),
        new ThreadUse(3, "jdkhttp-executor-1", 200, 20),
        new ThreadUse(4, "Reference Handler", 7, 1)),
        1, List.of("BatchSpanProcessor", "jdkhttp-"), result);

    assertEquals(1_000, result.loadThreadCpuNanos);
    assertEquals(100, result.loadThreadAllocatedBytes);
    assertEquals(500, result.backgroundCpuNanos);
    assertEquals(50, result.backgroundAllocatedBytes);
    assertEquals(7, result.otherThreadsCpuNanos);
    assertEquals(151, result.allThreadsAllocatedBytes);
    assertEquals(List.of("BatchSpanProcessor_WorkerThread-1", "jdkhttp-executor-1"),
        result.backgroundThreads);
    assertEquals(LoadProcess.LOAD_THREAD, result.threads.get(0).name);
  }

  @Test
  void countsWakeUpsByTheNamesTheKernelKeeps() {
    LoadResult result = new LoadResult();
    LoadProcess.attributeNative(List.of(
        new ProcessSnapshot.NativeUse(LoadProcess.LOAD_THREAD, 900, 1_000),
        new ProcessSnapshot.NativeUse("BatchSpanProces", 300, 40), // the kernel's 15 characters
        new ProcessSnapshot.NativeUse("GC Thread#0", 50, 3),
        new ProcessSnapshot.NativeUse("G1 Refine#0", 5, 2),
        new ProcessSnapshot.NativeUse("C2 CompilerThre", 70, 9)),
        List.of("BatchSpanProcessor"), result);

    assertEquals(1_000, result.loadThreadSwitches);
    assertEquals(40, result.backgroundSwitches);
    assertEquals(55, result.gcThreadsCpuNanos);
    assertEquals(70, result.compilerThreadsCpuNanos);
    assertEquals(1_325, result.kernelThreadsCpuNanos);
  }
}
