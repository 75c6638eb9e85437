package dev.retort.dialect.sqlite;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** Wraps a real connection and counts the queries and updates run through it. */
final class CountingConnection {
    private final AtomicInteger executions = new AtomicInteger();
    private final Connection connection;

    CountingConnection(Connection target) {
        this.connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                forward(target, (method, result) -> {
                    if (result instanceof PreparedStatement ps) {
                        return wrap(ps, PreparedStatement.class);
                    }
                    if (result instanceof Statement st) {
                        return wrap(st, Statement.class);
                    }
                    return result;
                }));
    }

    Connection connection() {
        return connection;
    }

    int executions() {
        return executions.get();
    }

    private <T> T wrap(T statement, Class<T> type) {
        return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, forward(statement, (method, result) -> {
            if (method.getName().startsWith("execute")) {
                executions.incrementAndGet();
            }
            return result;
        })));
    }

    private interface After {
        Object apply(Method method, Object result);
    }

    private static InvocationHandler forward(Object target, After after) {
        return (proxy, method, args) -> {
            try {
                return after.apply(method, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
    }
}
