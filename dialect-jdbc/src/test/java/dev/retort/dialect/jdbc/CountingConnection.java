package dev.retort.dialect.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps a real connection and counts the statements executed through it (every {@code execute*}
 * call on a {@link Statement} or {@link PreparedStatement} it hands out), so tests can check that
 * an inspector reads the catalog in a fixed number of queries. Closing the wrapper closes the
 * real connection.
 */
public final class CountingConnection {
    private final AtomicInteger executions = new AtomicInteger();
    private final Connection connection;

    public CountingConnection(Connection target) {
        this.connection = (Connection) Proxy.newProxyInstance(CountingConnection.class.getClassLoader(), new Class<?>[] {Connection.class},
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

    /** @return the counting connection */
    public Connection connection() {
        return connection;
    }

    /** @return the number of statements executed so far */
    public int executions() {
        return executions.get();
    }

    /** Starts counting from zero. */
    public void reset() {
        executions.set(0);
    }

    private <T> T wrap(T statement, Class<T> type) {
        return type.cast(Proxy.newProxyInstance(CountingConnection.class.getClassLoader(), new Class<?>[] {type}, forward(statement, (method, result) -> {
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
