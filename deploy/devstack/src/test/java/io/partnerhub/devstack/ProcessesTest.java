package io.partnerhub.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProcessesTest {

    @Test
    void residentMemoryOfALiveProcessIsReadFromProc() {
        long kib = Processes.residentKib(ProcessHandle.current().pid());
        long heapUsedKib = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1024;
        assertTrue(kib > 10 * 1024, "a JVM holds more than 10 MiB resident: " + kib);
        assertTrue(kib >= heapUsedKib / 2, "resident " + kib + " KiB vs heap in use " + heapUsedKib + " KiB");
    }

    @Test
    void residentMemoryOfAProcessThatDoesNotExistIsUnknown() {
        assertEquals(-1, Processes.residentKib(Long.MAX_VALUE));
    }
}
