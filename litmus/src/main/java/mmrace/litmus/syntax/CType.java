package mmrace.litmus.syntax;

import java.util.Set;

/**
 * A C type as written in a litmus test: in parameters ({@code int *x}, {@code int **p},
 * {@code atomic_t *v}, {@code spinlock_t *s}, {@code struct srcu_struct *ss}), in local
 * declarations, in casts and in the initial state. herd7 checks types very loosely; so do we:
 * the type is recorded for the executor, and only unknown type names are errors.
 */
public sealed interface CType {

    /** {@code int}. */
    CType INT = new Named("int");
    /** {@code void}, as in the cast {@code (void)atomic_add_unless(v, 1, 0)}. */
    CType VOID = new Named("void");

    /**
     * The base type names herd7's C lexer knows, plus {@code struct srcu_struct} (written with
     * its {@code struct} keyword).
     */
    Set<String> BASE_NAMES = Set.of(
            "int", "char", "long", "void",
            "int8_t", "uint8_t", "int16_t", "uint16_t", "int32_t", "uint32_t", "int64_t", "uint64_t",
            "__int128_t", "__uint128_t", "intptr_t", "uintptr_t",
            "mtx_t", "spinlock_t", "atomic_t", "atomic_int");

    /** The struct tags a litmus test may name ({@code struct srcu_struct}). */
    Set<String> STRUCT_TAGS = Set.of("srcu_struct");

    /** The qualifiers herd7 accepts: {@code volatile}, {@code _Atomic}, {@code const}. */
    Set<String> QUALIFIERS = Set.of("volatile", "_Atomic", "const");

    /**
     * A base type by name: {@code int}, {@code atomic_t}, {@code struct srcu_struct}, ...
     *
     * @param name the name as written (with {@code struct } for struct types)
     */
    record Named(String name) implements CType {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * A pointer type.
     *
     * @param target the pointed-to type
     */
    record Pointer(CType target) implements CType {
        @Override
        public String toString() {
            return target instanceof Pointer ? target + "*" : target + " *";
        }
    }

    /**
     * An array, only in the initial state ({@code int x[2];}).
     *
     * @param element element type
     * @param length  number of elements
     */
    record Array(CType element, int length) implements CType {
        @Override
        public String toString() {
            return element + "[" + length + "]";
        }
    }

    /**
     * A qualified type such as {@code volatile int}.
     *
     * @param qualifier {@code volatile}, {@code _Atomic} or {@code const}
     * @param type      the qualified type
     */
    record Qualified(String qualifier, CType type) implements CType {
        @Override
        public String toString() {
            return qualifier + " " + type;
        }
    }

    /** {@return whether this is a pointer type (qualifiers looked through)} */
    default boolean isPointer() {
        return unqualified() instanceof Pointer;
    }

    /** {@return this type without its outer qualifiers} */
    default CType unqualified() {
        CType t = this;
        while (t instanceof Qualified q) {
            t = q.type();
        }
        return t;
    }

    /**
     * {@return the type this pointer points to}
     *
     * @throws IllegalStateException if this is not a pointer type
     */
    default CType pointee() {
        if (unqualified() instanceof Pointer p) {
            return p.target();
        }
        throw new IllegalStateException(this + " is not a pointer type");
    }

    /**
     * {@return a C declaration of {@code name} with this type, e.g. {@code int *r0} or
     * {@code int x[2]}}
     *
     * @param name the declared name
     */
    default String declare(String name) {
        if (this instanceof Array a) {
            return a.element().declare(name) + "[" + a.length() + "]";
        }
        String t = toString();
        return t.endsWith("*") ? t + name : t + " " + name;
    }
}
