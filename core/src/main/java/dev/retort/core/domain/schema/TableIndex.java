package dev.retort.core.domain.schema;

import java.util.Arrays;

/**
 * Tables by name, persistent: {@link #with} and {@link #without} return a new index sharing all
 * but one path with the old one (a hash trie of 32-way nodes), so a schema derived from another
 * one table apart gets its index in O(log N) instead of O(N). Immutable.
 */
final class TableIndex {
    static final TableIndex EMPTY = new TableIndex(new Node(0, new Object[0]));

    private final Node root;

    private TableIndex(Node root) {
        this.root = root;
    }

    static TableIndex of(Table[] tables) {
        TableIndex index = EMPTY;
        for (Table t : tables) {
            index = index.with(t);
        }
        return index;
    }

    Table get(String name) {
        int h = name.hashCode();
        Node n = root;
        for (int shift = 0; ; shift += 5) {
            int bit = 1 << ((h >>> shift) & 31);
            if ((n.bitmap & bit) == 0) {
                return null;
            }
            Object slot = n.slots[Integer.bitCount(n.bitmap & (bit - 1))];
            if (slot instanceof Node child) {
                n = child;
            } else if (slot instanceof Table t) {
                return t.name().equals(name) ? t : null;
            } else {
                for (Table t : (Table[]) slot) {
                    if (t.name().equals(name)) {
                        return t;
                    }
                }
                return null;
            }
        }
    }

    /** With {@code table} under its name, replacing a table of that name. */
    TableIndex with(Table table) {
        return new TableIndex(put(root, table, table.name().hashCode(), 0));
    }

    /** Without the table {@code name}; this index when there is none. */
    TableIndex without(String name) {
        Node n = remove(root, name, name.hashCode(), 0);
        return n == root ? this : new TableIndex(n);
    }

    private static Node put(Node n, Table table, int h, int shift) {
        int bit = 1 << ((h >>> shift) & 31);
        int pos = Integer.bitCount(n.bitmap & (bit - 1));
        if ((n.bitmap & bit) == 0) {
            Object[] slots = new Object[n.slots.length + 1];
            System.arraycopy(n.slots, 0, slots, 0, pos);
            slots[pos] = table;
            System.arraycopy(n.slots, pos, slots, pos + 1, n.slots.length - pos);
            return new Node(n.bitmap | bit, slots);
        }
        Object slot = n.slots[pos];
        Object replacement;
        if (slot instanceof Node child) {
            replacement = put(child, table, h, shift + 5);
        } else if (slot instanceof Table t) {
            if (t.name().equals(table.name())) {
                replacement = table;
            } else if (shift + 5 >= 32) {
                replacement = new Table[] {t, table};
            } else {
                Node child = put(new Node(0, new Object[0]), t, t.name().hashCode(), shift + 5);
                replacement = put(child, table, h, shift + 5);
            }
        } else {
            Table[] bucket = (Table[]) slot;
            Table[] next = null;
            for (int i = 0; i < bucket.length; i++) {
                if (bucket[i].name().equals(table.name())) {
                    next = bucket.clone();
                    next[i] = table;
                }
            }
            if (next == null) {
                next = Arrays.copyOf(bucket, bucket.length + 1);
                next[bucket.length] = table;
            }
            replacement = next;
        }
        Object[] slots = n.slots.clone();
        slots[pos] = replacement;
        return new Node(n.bitmap, slots);
    }

    private static Node remove(Node n, String name, int h, int shift) {
        int bit = 1 << ((h >>> shift) & 31);
        if ((n.bitmap & bit) == 0) {
            return n;
        }
        int pos = Integer.bitCount(n.bitmap & (bit - 1));
        Object slot = n.slots[pos];
        Object replacement;
        if (slot instanceof Node child) {
            Node c = remove(child, name, h, shift + 5);
            if (c == child) {
                return n;
            }
            replacement = c.slots.length == 0 ? null : c;
        } else if (slot instanceof Table t) {
            if (!t.name().equals(name)) {
                return n;
            }
            replacement = null;
        } else {
            Table[] bucket = (Table[]) slot;
            Table[] next = Arrays.stream(bucket).filter(t -> !t.name().equals(name)).toArray(Table[]::new);
            if (next.length == bucket.length) {
                return n;
            }
            replacement = next.length == 1 ? next[0] : next;
        }
        if (replacement == null) {
            Object[] slots = new Object[n.slots.length - 1];
            System.arraycopy(n.slots, 0, slots, 0, pos);
            System.arraycopy(n.slots, pos + 1, slots, pos, n.slots.length - pos - 1);
            return new Node(n.bitmap & ~bit, slots);
        }
        Object[] slots = n.slots.clone();
        slots[pos] = replacement;
        return new Node(n.bitmap, slots);
    }

    /** {@code slots} holds, in bit order, a {@link Table}, a {@link Node}, or a {@code Table[]} of full-hash collisions. */
    private record Node(int bitmap, Object[] slots) {
    }
}
