package io.partnerhub.devstack;

import java.io.PrintStream;

/** The launcher's progress lines ({@code [devstack] ...}); a null stream keeps it silent. */
record Progress(PrintStream out) {

    void say(String format, Object... args) {
        if (out != null) {
            out.println("[devstack] " + String.format(format, args));
            out.flush();
        }
    }
}
