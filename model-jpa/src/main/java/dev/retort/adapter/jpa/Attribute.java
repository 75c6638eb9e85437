package dev.retort.adapter.jpa;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One persistent attribute: a field (field access) or a getter (property access), with the
 * annotations placed on it.
 *
 * @param memberName the field or method name, for finding annotations JPA does not define
 */
record Attribute(Class<?> declaringClass, String name, Class<?> type, Type genericType, AnnotatedElement element, String memberName,
                 boolean field) {

    <A extends Annotation> A get(Class<A> annotation) {
        return element.getAnnotation(annotation);
    }

    boolean has(Class<? extends Annotation> annotation) {
        return element.isAnnotationPresent(annotation);
    }

    /** @return {@code com.example.Pet.owner}, for messages */
    String where() {
        return declaringClass.getName() + "." + name;
    }

    boolean isCollection() {
        return Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type);
    }

    boolean isMap() {
        return Map.class.isAssignableFrom(type);
    }

    boolean isSet() {
        return Set.class.isAssignableFrom(type);
    }

    /** @return the element type of a collection (a map's value type), or null when it is not given */
    Class<?> elementType() {
        if (genericType instanceof ParameterizedType p) {
            Type[] args = p.getActualTypeArguments();
            Type last = args[args.length - 1];
            if (last instanceof Class<?> c) {
                return c;
            }
            if (last instanceof ParameterizedType lp && lp.getRawType() instanceof Class<?> c) {
                return c;
            }
        }
        return null;
    }

    /**
     * The persistent attributes a class itself declares (not inherited ones), in declaration
     * order for fields and by name for properties. Static, {@code transient} and
     * {@code @Transient} members are left out.
     */
    static List<Attribute> declared(Class<?> type, boolean propertyAccess) {
        List<Attribute> out = new ArrayList<>();
        if (!propertyAccess) {
            for (Field f : type.getDeclaredFields()) {
                int m = f.getModifiers();
                if (Modifier.isStatic(m) || Modifier.isTransient(m) || f.isSynthetic() || f.isAnnotationPresent(jakarta.persistence.Transient.class)) {
                    continue;
                }
                out.add(new Attribute(type, f.getName(), f.getType(), f.getGenericType(), f, f.getName(), true));
            }
            return out;
        }
        List<Method> methods = new ArrayList<>(List.of(type.getDeclaredMethods()));
        methods.sort(Comparator.comparing(Method::getName));
        for (Method m : methods) {
            String property = propertyName(m);
            if (property == null || Modifier.isStatic(m.getModifiers()) || m.isSynthetic() || m.isBridge()
                    || m.isAnnotationPresent(jakarta.persistence.Transient.class)) {
                continue;
            }
            out.add(new Attribute(type, property, m.getReturnType(), m.getGenericReturnType(), m, m.getName(), false));
        }
        return out;
    }

    private static String propertyName(Method m) {
        if (m.getParameterCount() != 0 || m.getReturnType() == void.class) {
            return null;
        }
        String n = m.getName();
        String rest;
        if (n.startsWith("get") && n.length() > 3) {
            rest = n.substring(3);
        } else if (n.startsWith("is") && n.length() > 2 && (m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class)) {
            rest = n.substring(2);
        } else {
            return null;
        }
        if (!Character.isUpperCase(rest.charAt(0))) {
            return null;
        }
        // java.beans.Introspector.decapitalize: "URL" stays "URL", "Name" becomes "name".
        if (rest.length() > 1 && Character.isUpperCase(rest.charAt(1))) {
            return rest;
        }
        return rest.substring(0, 1).toLowerCase(Locale.ROOT) + rest.substring(1);
    }
}
