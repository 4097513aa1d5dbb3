package io.partnerhub.devstack.test;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Objects that must be one per test JVM although Quarkus may load the devstack classes in several class
 * loaders: the map lives in the copy of this class that the system class loader holds (the surefire test
 * classpath), reached reflectively; its values are JDK types (pipes), usable from every class loader.
 * Not the system properties: Narayana copies every system property as a String and fails on other values.
 */
final class JvmWide {

    public static final Map<String, Object> OBJECTS = new ConcurrentHashMap<>();

    private JvmWide() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> objects() {
        try {
            Class<?> shared = Class.forName(JvmWide.class.getName(), true, ClassLoader.getSystemClassLoader());
            return (Map<String, Object>) shared.getField("OBJECTS").get(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            return OBJECTS; // the devstack is not on the system class path: this loader's copy is the only one
        }
    }
}
