package com.cspdesk.adapters.memory.cancellation;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Lays this feature's state over another feature's port bean without touching its class: the bean
 * is wrapped in a proxy that answers the port's methods through {@code port} and every other method
 * (another port the same bean implements) through the bean itself.
 */
final class Decorating {

    private Decorating() {
    }

    @SuppressWarnings("unchecked")
    static <T> T decorate(T bean, Class<T> type, T port) {
        Set<Class<?>> interfaces = new LinkedHashSet<>();
        for (Class<?> c = bean.getClass(); c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (java.lang.reflect.Modifier.isPublic(i.getModifiers())) {
                    interfaces.add(i);
                }
            }
        }
        interfaces.add(type);
        InvocationHandler handler = (proxy, method, args) -> {
            Object target = method.getDeclaringClass().isAssignableFrom(type) && method.getDeclaringClass() != Object.class
                    ? port : bean;
            return invoke(target, method, args);
        };
        return (T) Proxy.newProxyInstance(type.getClassLoader(), interfaces.toArray(Class<?>[]::new), handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
