package io.partnerhub.devstack.test;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.partnerhub.devstack.MailServer;

/**
 * One SMTP server (GreenMail, {@link MailServer}) per test JVM, started with the rest of the infrastructure. Quarkus
 * may load this class in several class loaders, so what the tests call is kept in {@link JvmWide} as JDK types
 * (a Runnable to stop, one to start, a Supplier of the received messages), created by the first loader.
 */
final class TestMail {

    private static final String CONTROL = "partnerhub.devstack.test.mail";
    private static final String LOCK = "io.partnerhub.devstack.test.TestMail.lock";

    private TestMail() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> control() {
        synchronized (LOCK.intern()) {
            Object existing = JvmWide.objects().get(CONTROL);
            if (existing instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
            MailServer server = MailServer.start(0);
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Map<String, Object> control = new ConcurrentHashMap<>();
            control.put("port", server.port());
            control.put("stop", (Runnable) server::stop);
            control.put("start", (Runnable) server::startAgain);
            control.put("received", (Supplier<List<byte[]>>) server::received);
            control.put("unsubscribe-key", Base64.getEncoder().encodeToString(key));
            JvmWide.objects().put(CONTROL, control);
            System.err.printf("[devstack] test SMTP server (GreenMail) on 127.0.0.1:%d%n", server.port());
            return control;
        }
    }

    static int port() {
        return (Integer) control().get("port");
    }

    static String unsubscribeKey() {
        return (String) control().get("unsubscribe-key");
    }

    static void stop() {
        ((Runnable) control().get("stop")).run();
    }

    static void start() {
        ((Runnable) control().get("start")).run();
    }

    @SuppressWarnings("unchecked")
    static List<byte[]> received() {
        return ((Supplier<List<byte[]>>) control().get("received")).get();
    }
}
