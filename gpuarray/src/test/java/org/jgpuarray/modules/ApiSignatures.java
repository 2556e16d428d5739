package org.jgpuarray.modules;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds the places where a public type's signatures mention a type that its users cannot see: every
 * supertype, permitted subtype, type parameter bound, record component, public or protected field,
 * constructor and method (parameters, return, thrown types, with their type arguments) and nested
 * public or protected type. Reports one line per finding: {@code member: type}. Not thread-safe.
 */
final class ApiSignatures {
    private final Predicate<Class<?>> visible;
    private final List<String> findings = new ArrayList<>();

    /** @param visible whether users may see a (non-array, non-primitive) class */
    ApiSignatures(Predicate<Class<?>> visible) {
        this.visible = visible;
    }

    /** What the checks so far found, one {@code member: type} line each, in the order found. */
    List<String> findings() {
        return Collections.unmodifiableList(findings);
    }

    /** Checks {@code type} if users can see it, and its nested types. */
    void check(Class<?> type) {
        if (!isApi(type)) {
            return;
        }
        String owner = type.getName();
        mention(owner + " (superclass)", type.getGenericSuperclass());
        for (Type t : type.getGenericInterfaces()) {
            mention(owner + " (interface)", t);
        }
        if (type.isSealed()) {
            for (Class<?> sub : type.getPermittedSubclasses()) {
                mention(owner + " (permits)", sub);
            }
        }
        typeParameters(owner, type.getTypeParameters());
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                mention(owner + "." + c.getName() + " (record component)", c.getGenericType());
            }
        }
        for (Field f : type.getDeclaredFields()) {
            if (exposed(f.getModifiers()) && !f.isSynthetic()) {
                mention(owner + "." + f.getName(), f.getGenericType());
            }
        }
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            executable(owner + ".<init>", c);
        }
        for (Method m : type.getDeclaredMethods()) {
            if (!m.isSynthetic() && !m.isBridge()) {
                executable(owner + "." + m.getName(), m);
                if (exposed(m.getModifiers())) {
                    mention(owner + "." + m.getName() + " (returns)", m.getGenericReturnType());
                }
            }
        }
        for (Class<?> nested : type.getDeclaredClasses()) {
            check(nested);
        }
    }

    /** A type users can name: public, or protected inside one they can; never local or anonymous. */
    static boolean isApi(Class<?> type) {
        if (type.isAnonymousClass() || type.isLocalClass() || type.isSynthetic()) {
            return false;
        }
        Class<?> outer = type.getDeclaringClass();
        return outer == null ? Modifier.isPublic(type.getModifiers())
                : exposed(type.getModifiers()) && isApi(outer);
    }

    private static boolean exposed(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private void executable(String name, Executable e) {
        if (!exposed(e.getModifiers()) || e.isSynthetic()) {
            return;
        }
        typeParameters(name, e.getTypeParameters());
        for (Type p : e.getGenericParameterTypes()) {
            mention(name + " (parameter)", p);
        }
        for (Type x : e.getGenericExceptionTypes()) {
            mention(name + " (throws)", x);
        }
    }

    private void typeParameters(String name, TypeVariable<?>[] parameters) {
        for (TypeVariable<?> v : parameters) {
            for (Type b : v.getBounds()) {
                mention(name + " <" + v.getName() + " extends>", b);
            }
        }
    }

    private void mention(String member, Type type) {
        walk(member, type, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private void walk(String member, Type type, Set<Type> seen) {
        if (type == null || !seen.add(type)) {
            return;
        }
        if (type instanceof Class<?> c) {
            while (c.isArray()) {
                c = c.getComponentType();
            }
            if (!c.isPrimitive() && !visible.test(c)) {
                findings.add(member + ": " + c.getName());
            }
        } else if (type instanceof ParameterizedType p) {
            walk(member, p.getRawType(), seen);
            walk(member, p.getOwnerType(), seen);
            for (Type a : p.getActualTypeArguments()) {
                walk(member, a, seen);
            }
        } else if (type instanceof GenericArrayType g) {
            walk(member, g.getGenericComponentType(), seen);
        } else if (type instanceof WildcardType w) {
            for (Type b : w.getUpperBounds()) {
                walk(member, b, seen);
            }
            for (Type b : w.getLowerBounds()) {
                walk(member, b, seen);
            }
        } else if (type instanceof TypeVariable<?> v) {
            for (Type b : v.getBounds()) {
                walk(member, b, seen);
            }
        }
    }
}
