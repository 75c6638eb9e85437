package dev.retort.core.domain.revision;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The revisions of a project as a directed acyclic graph, validated and immutable once built
 * (Alembic's {@code RevisionMap}). Edges run from a revision to its down revisions and to the
 * revisions it depends on; heads and bases follow down revisions only, as in Alembic.
 *
 * <p>All graph walks are linear in the number of revisions and iterative (no recursion), so
 * graphs of 100,000 revisions are fine.
 */
public final class RevisionGraph {
    private static final Set<String> RESERVED_WORDS = Set.of("head", "heads", "base", "current");
    private final Revision[] revs;
    private final Map<RevisionId, Integer> index;
    /** down revisions, then resolved dependencies (the edges that order work). */
    private final int[][] allDown;
    /** down revisions only. */
    private final int[][] down;
    /** children via down revisions only. */
    private final int[][] up;
    /** children via down revisions and dependencies. */
    private final int[][] allUp;
    private final int[][] normalizedDown;
    private final List<Set<String>> labels;
    private final Map<String, Integer> labelDeclaredAt;
    private final List<RevisionId> heads;
    private final List<RevisionId> bases;

    private RevisionGraph(List<Revision> revisions) {
        int n = revisions.size();
        revs = revisions.toArray(new Revision[0]);
        index = new HashMap<>(n * 2);
        Map<RevisionId, Revision> firstSeen = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Revision r = revs[i];
            Revision prior = firstSeen.putIfAbsent(r.id(), r);
            if (prior != null) {
                throw new DuplicateRevisionException("revision id " + r.id() + " is defined twice: " + describeSource(prior)
                        + " and " + describeSource(r) + "; give one of them a new id", List.of(r.id().value()));
            }
            index.put(r.id(), i);
        }
        down = new int[n][];
        for (int i = 0; i < n; i++) {
            Revision r = revs[i];
            int[] d = new int[r.downRevisions().size()];
            for (int k = 0; k < d.length; k++) {
                RevisionId p = r.downRevisions().get(k);
                Integer pi = index.get(p);
                if (pi == null) {
                    throw new MissingParentException("revision " + r.where() + " has down_revision " + p
                            + ", which no revision file defines; restore that file or fix down_revision", List.of(r.id().value(), p.value()));
                }
                d[k] = pi;
            }
            down[i] = d;
        }
        up = invert(down, n);
        labelDeclaredAt = new HashMap<>();
        for (int i = 0; i < n; i++) {
            for (String label : revs[i].branchLabels()) {
                if (label == null || label.isBlank() || !RevisionSpec.REF.matcher(label).matches()) {
                    throw new DuplicateBranchLabelException("revision " + revs[i].where() + " has an invalid branch label '" + label
                            + "' (letters, digits and _ only)", List.of(revs[i].id().value()));
                }
                Integer prior = labelDeclaredAt.put(label, i);
                if (prior != null && prior != i) {
                    throw new DuplicateBranchLabelException("branch label '" + label + "' is declared by two revisions: "
                            + revs[prior].where() + " and " + revs[i].where() + "; rename one of them",
                            List.of(revs[prior].id().value(), revs[i].id().value()));
                }
                if (RESERVED_WORDS.contains(label)) {
                    throw new DuplicateBranchLabelException("revision " + revs[i].where() + " has branch label '" + label
                            + "', which is a reserved target word (head, heads, base, current); choose another label", List.of(revs[i].id().value()));
                }
                if (index.containsKey(safeId(label))) {
                    throw new DuplicateBranchLabelException("branch label '" + label + "' on revision " + revs[i].where()
                            + " is also a revision id; choose another label", List.of(revs[i].id().value(), label));
                }
            }
        }
        allDown = new int[n][];
        for (int i = 0; i < n; i++) {
            List<String> deps = revs[i].dependsOn();
            LinkedHashSet<Integer> all = new LinkedHashSet<>();
            for (int d : down[i]) {
                all.add(d);
            }
            for (String dep : deps) {
                int di;
                try {
                    di = resolveRefIndex(dep);
                } catch (RevisionGraphException e) {
                    throw new MissingParentException("revision " + revs[i].where() + " depends_on '" + dep + "': " + e.getMessage(),
                            List.of(revs[i].id().value(), dep));
                }
                if (di == i) {
                    throw new RevisionCycleException("revision " + revs[i].where() + " depends on itself", List.of(revs[i].id().value()));
                }
                all.add(di);
            }
            allDown[i] = all.stream().mapToInt(Integer::intValue).toArray();
        }
        allUp = invert(allDown, n);
        int[] rank = checkAcyclic();
        normalizedDown = new int[n][];
        int[] visited = new int[n];
        for (int i = 0; i < n; i++) {
            normalizedDown[i] = normalize(i, rank, visited);
        }
        labels = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            labels.add(new TreeSet<>());
        }
        inheritLabels();
        List<RevisionId> h = new ArrayList<>();
        List<RevisionId> b = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (up[i].length == 0) {
                h.add(revs[i].id());
            }
            if (down[i].length == 0) {
                b.add(revs[i].id());
            }
        }
        heads = List.copyOf(h);
        bases = List.copyOf(b);
    }

    /**
     * Builds and validates a graph: duplicate ids, missing parents or dependencies, duplicate or
     * invalid labels and cycles each raise a {@link RevisionGraphException} naming the files.
     */
    public static RevisionGraph of(Collection<Revision> revisions) {
        return new RevisionGraph(List.copyOf(revisions));
    }

    private static RevisionId safeId(String s) {
        try {
            return RevisionId.of(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String describeSource(Revision r) {
        return r.source() == null ? "(no file)" : r.source();
    }

    private static int[][] invert(int[][] edges, int n) {
        int[] counts = new int[n];
        for (int[] e : edges) {
            for (int t : e) {
                counts[t]++;
            }
        }
        int[][] out = new int[n][];
        for (int i = 0; i < n; i++) {
            out[i] = new int[counts[i]];
        }
        int[] fill = new int[n];
        for (int i = 0; i < n; i++) {
            for (int t : edges[i]) {
                out[t][fill[t]++] = i;
            }
        }
        return out;
    }

    /** @return each revision's position in a topological order (ancestors first) */
    private int[] checkAcyclic() {
        int n = revs.length;
        int[] rank = new int[n];
        int[] indeg = new int[n];
        for (int i = 0; i < n; i++) {
            indeg[i] = allDown[i].length;
        }
        Deque<Integer> queue = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            if (indeg[i] == 0) {
                queue.add(i);
            }
        }
        int seen = 0;
        while (!queue.isEmpty()) {
            int i = queue.poll();
            rank[i] = seen++;
            for (int c : allUp[i]) {
                if (--indeg[c] == 0) {
                    queue.add(c);
                }
            }
        }
        if (seen == n) {
            return rank;
        }
        // Walk down from any node still in a cycle until a node repeats: that loop is a cycle.
        int start = -1;
        for (int i = 0; i < n; i++) {
            if (indeg[i] > 0) {
                start = i;
                break;
            }
        }
        Map<Integer, Integer> position = new HashMap<>();
        List<Integer> path = new ArrayList<>();
        int cur = start;
        while (!position.containsKey(cur)) {
            position.put(cur, path.size());
            path.add(cur);
            int next = -1;
            for (int d : allDown[cur]) {
                if (indeg[d] > 0) {
                    next = d;
                    break;
                }
            }
            cur = next;
        }
        List<Integer> cycle = path.subList(position.get(cur), path.size());
        List<String> ids = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (int k = cycle.size() - 1; k >= 0; k--) {
            Revision r = revs[cycle.get(k)];
            ids.add(r.id().value());
            sb.append(r.where()).append(" -> ");
        }
        sb.append(revs[cycle.get(cycle.size() - 1)].id());
        throw new RevisionCycleException("revision graph has a cycle: " + sb + "; fix down_revision or depends_on in one of these files", ids);
    }

    /**
     * The parents and dependencies of {@code i} without those implied by another of them (an
     * ancestor of another). One walk from all of them at once, and only through revisions ranked
     * above the lowest of them: a path down from one to another never passes below it.
     *
     * @param visited scratch space shared between calls: {@code visited[x] == i + 1} marks x as seen
     */
    private int[] normalize(int i, int[] rank, int[] visited) {
        int[] all = allDown[i];
        if (all.length <= 1) {
            return all;
        }
        int floor = Integer.MAX_VALUE;
        for (int a : all) {
            floor = Math.min(floor, rank[a]);
        }
        int mark = i + 1;
        Deque<Integer> stack = new ArrayDeque<>();
        for (int b : all) {
            for (int d : allDown[b]) {
                if (rank[d] >= floor && visited[d] != mark) {
                    visited[d] = mark;
                    stack.push(d);
                }
            }
        }
        while (!stack.isEmpty()) {
            int x = stack.pop();
            for (int d : allDown[x]) {
                if (rank[d] >= floor && visited[d] != mark) {
                    visited[d] = mark;
                    stack.push(d);
                }
            }
        }
        List<Integer> keep = new ArrayList<>();
        for (int a : all) {
            if (visited[a] != mark) {
                keep.add(a);
            }
        }
        return keep.stream().mapToInt(Integer::intValue).toArray();
    }

    private void inheritLabels() {
        for (Map.Entry<String, Integer> e : labelDeclaredAt.entrySet()) {
            String label = e.getKey();
            int r = e.getValue();
            BitSet desc = walk(new int[] {r}, up);
            for (int i = desc.nextSetBit(0); i >= 0; i = desc.nextSetBit(i + 1)) {
                labels.get(i).add(label);
            }
            int p = down[r].length == 1 ? down[r][0] : -1;
            while (p >= 0 && up[p].length <= 1 && down[p].length <= 1) {
                labels.get(p).add(label);
                p = down[p].length == 1 ? down[p][0] : -1;
            }
        }
    }

    private static BitSet walk(int[] start, int[][] edges) {
        BitSet seen = new BitSet();
        Deque<Integer> stack = new ArrayDeque<>();
        for (int s : start) {
            if (!seen.get(s)) {
                seen.set(s);
                stack.push(s);
            }
        }
        while (!stack.isEmpty()) {
            int i = stack.pop();
            for (int d : edges[i]) {
                if (!seen.get(d)) {
                    seen.set(d);
                    stack.push(d);
                }
            }
        }
        return seen;
    }

    private BitSet ancestorsOf(int[] start) {
        return walk(start, allDown);
    }

    private BitSet descendantsOf(int[] start) {
        return walk(start, allUp);
    }

    private int[] indexesOf(Collection<RevisionId> ids) {
        int[] out = new int[ids.size()];
        int k = 0;
        for (RevisionId id : ids) {
            out[k++] = indexOf(id);
        }
        return out;
    }

    private int indexOf(RevisionId id) {
        Integer i = index.get(id);
        if (i == null) {
            throw new UnknownRevisionException("no revision " + id + "; `retort history` lists the revisions", List.of(id.value()));
        }
        return i;
    }

    // ---------------------------------------------------------------- queries

    public int size() {
        return revs.length;
    }

    /** Revisions in load order. */
    public List<Revision> revisions() {
        return List.of(revs);
    }

    public boolean contains(RevisionId id) {
        return index.containsKey(id);
    }

    public Revision get(RevisionId id) {
        return revs[indexOf(id)];
    }

    public List<RevisionId> heads() {
        return heads;
    }

    public List<RevisionId> bases() {
        return bases;
    }

    /** Branch labels of a revision, declared and inherited. */
    public Set<String> labels(RevisionId id) {
        return java.util.Collections.unmodifiableSet(labels.get(indexOf(id)));
    }

    /** Revisions whose down revisions include this one. */
    public List<RevisionId> children(RevisionId id) {
        return ids(up[indexOf(id)]);
    }

    /** Revisions that declare a dependency on this one. */
    public List<RevisionId> dependents(RevisionId id) {
        int i = indexOf(id);
        List<RevisionId> out = new ArrayList<>();
        for (int c : allUp[i]) {
            boolean viaDown = false;
            for (int d : down[c]) {
                viaDown |= d == i;
            }
            if (!viaDown) {
                out.add(revs[c].id());
            }
        }
        return out;
    }

    /** Resolved depends_on of a revision. */
    public List<RevisionId> dependencies(RevisionId id) {
        int i = indexOf(id);
        List<RevisionId> out = new ArrayList<>();
        for (int k = down[i].length; k < allDown[i].length; k++) {
            out.add(revs[allDown[i][k]].id());
        }
        return out;
    }

    public boolean isHead(RevisionId id) {
        return up[indexOf(id)].length == 0;
    }

    public boolean isBranchPoint(RevisionId id) {
        return up[indexOf(id)].length > 1;
    }

    public boolean isMergePoint(RevisionId id) {
        return down[indexOf(id)].length > 1;
    }

    /** Revisions with more than one child, in load order. */
    public List<RevisionId> branchPoints() {
        List<RevisionId> out = new ArrayList<>();
        for (int i = 0; i < revs.length; i++) {
            if (up[i].length > 1) {
                out.add(revs[i].id());
            }
        }
        return out;
    }

    /** The single head, or {@link MultipleHeadsException}. */
    public RevisionId head() {
        if (heads.size() > 1) {
            throw multipleHeads("head");
        }
        if (heads.isEmpty()) {
            throw new UnknownRevisionException("there are no revisions yet; create one with `retort revision -m \"...\"`", List.of());
        }
        return heads.get(0);
    }

    private MultipleHeadsException multipleHeads(String what) {
        return new MultipleHeadsException("'" + what + "' is ambiguous: " + heads.size() + " heads: " + String.join(", ", ids(heads))
                + "; use `heads`, a label@head, a revision id, or run `retort merge heads`", ids(heads));
    }

    private static List<String> ids(List<RevisionId> list) {
        return list.stream().map(RevisionId::value).toList();
    }

    private List<RevisionId> ids(int[] idx) {
        List<RevisionId> out = new ArrayList<>(idx.length);
        for (int i : idx) {
            out.add(revs[i].id());
        }
        return out;
    }

    private List<RevisionId> ids(BitSet set) {
        List<RevisionId> out = new ArrayList<>();
        for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
            out.add(revs[i].id());
        }
        return out;
    }

    /** Resolves an id, unique prefix or branch label to one revision. */
    public Revision resolve(String reference) {
        return revs[resolveRefIndex(reference)];
    }

    private int resolveRefIndex(String ref) {
        if (ref == null || ref.isBlank()) {
            throw new UnknownRevisionException("an empty revision reference", List.of());
        }
        RevisionId exact = safeId(ref);
        if (exact != null && index.containsKey(exact)) {
            return index.get(exact);
        }
        Integer labelled = labelDeclaredAt.get(ref);
        if (labelled != null) {
            return labelled;
        }
        List<Integer> matches = new ArrayList<>();
        for (int i = 0; i < revs.length; i++) {
            if (revs[i].id().value().startsWith(ref)) {
                matches.add(i);
            }
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            throw new UnknownRevisionException("no revision or branch label '" + ref + "'; `retort history` lists the revisions", List.of(ref));
        }
        List<String> cands = matches.stream().limit(10).map(i -> revs[i].id().value()).toList();
        throw new AmbiguousRevisionException("revision prefix '" + ref + "' is ambiguous: it matches " + matches.size() + " revisions ("
                + String.join(", ", cands) + (matches.size() > 10 ? ", ..." : "") + "); give more characters", cands);
    }

    /** Checks that every id read from the version table is a known revision. */
    public void checkKnown(List<RevisionId> current, String versionTable) {
        for (RevisionId id : current) {
            if (!index.containsKey(id)) {
                throw new UnknownRevisionException("the version table " + versionTable + " holds revision " + id
                        + ", which no revision file defines; restore its file, or `retort stamp` the database to a known revision",
                        List.of(id.value()));
            }
        }
    }

    // ------------------------------------------------------------- resolution

    /**
     * Resolves a target to the set of revisions it names. The empty list means base.
     *
     * @param current the database's heads, used by relative targets and {@code current}
     */
    public List<RevisionId> resolveTargets(String target, List<RevisionId> current) {
        return resolveTargets(RevisionSpec.parse(target), target, current);
    }

    private List<RevisionId> resolveTargets(RevisionSpec spec, String text, List<RevisionId> current) {
        if (spec instanceof RevisionSpec.Heads) {
            return heads;
        }
        if (spec instanceof RevisionSpec.Current) {
            return List.copyOf(current);
        }
        if (spec instanceof RevisionSpec.Base) {
            return List.of();
        }
        int one = resolveOne(spec, text, current);
        return one < 0 ? List.of() : List.of(revs[one].id());
    }

    /** Resolves to a single revision index, or -1 for base. */
    private int resolveOne(RevisionSpec spec, String text, List<RevisionId> current) {
        if (spec instanceof RevisionSpec.Head) {
            return indexOf(head());
        }
        if (spec instanceof RevisionSpec.Base) {
            return -1;
        }
        if (spec instanceof RevisionSpec.Heads) {
            if (heads.size() != 1) {
                throw multipleHeads(text);
            }
            return indexOf(heads.get(0));
        }
        if (spec instanceof RevisionSpec.Current) {
            if (current.size() > 1) {
                throw new MultipleHeadsException("'current' is ambiguous: the database is at " + current.size() + " heads ("
                        + String.join(", ", ids(current)) + ")", ids(current));
            }
            return current.isEmpty() ? -1 : indexOf(current.get(0));
        }
        if (spec instanceof RevisionSpec.Ref ref) {
            return resolveRefIndex(ref.text());
        }
        if (spec instanceof RevisionSpec.At at) {
            return resolveAt(at, text, current);
        }
        RevisionSpec.Relative rel = (RevisionSpec.Relative) spec;
        int anchor;
        if (rel.anchor() == null) {
            if (current.size() > 1) {
                throw new MultipleHeadsException("relative target '" + text + "' is ambiguous: the database is at " + current.size()
                        + " heads (" + String.join(", ", ids(current)) + "); qualify it, e.g. <label>@" + text + " or <rev>" + text, ids(current));
            }
            anchor = current.isEmpty() ? -1 : indexOf(current.get(0));
        } else {
            anchor = resolveOne(rel.anchor(), text, current);
        }
        return step(anchor, rel.steps(), text, null);
    }

    private int resolveAt(RevisionSpec.At at, String text, List<RevisionId> current) {
        // Alembic's "shares lineage": a database at the trunk below a branch can step into it with label@+1.
        BitSet branch = lineage(at.branch());
        if (at.target() instanceof RevisionSpec.Head) {
            List<Integer> branchHeads = new ArrayList<>();
            for (int i = branch.nextSetBit(0); i >= 0; i = branch.nextSetBit(i + 1)) {
                if (up[i].length == 0) {
                    branchHeads.add(i);
                }
            }
            if (branchHeads.size() != 1) {
                List<String> hs = branchHeads.stream().map(i -> revs[i].id().value()).toList();
                throw new MultipleHeadsException("'" + text + "' is ambiguous: branch " + at.branch() + " has " + branchHeads.size()
                        + " heads (" + String.join(", ", hs) + ")", hs);
            }
            return branchHeads.get(0);
        }
        if (at.target() instanceof RevisionSpec.Base) {
            return -1;
        }
        if (at.target() instanceof RevisionSpec.Ref ref) {
            int r = resolveRefIndex(ref.text());
            if (!branch.get(r)) {
                throw new InvalidTargetException("revision " + revs[r].id() + " is not on branch " + at.branch(), List.of(revs[r].id().value()));
            }
            return r;
        }
        RevisionSpec.Relative rel = (RevisionSpec.Relative) at.target();
        List<RevisionId> onBranch = current.stream().filter(c -> index.containsKey(c) && branch.get(index.get(c))).toList();
        if (onBranch.size() > 1) {
            throw new MultipleHeadsException("'" + text + "' is ambiguous: the database has " + onBranch.size() + " heads on branch "
                    + at.branch(), ids(onBranch));
        }
        int anchor = onBranch.isEmpty() ? -1 : index.get(onBranch.get(0));
        return step(anchor, rel.steps(), text, branch);
    }

    /**
     * Ancestors and descendants (via down revisions) of the revision a label or reference names,
     * inclusive.
     */
    private BitSet lineage(String branch) {
        int r = resolveRefIndex(branch);
        BitSet set = walk(new int[] {r}, up);
        set.or(walk(new int[] {r}, down));
        return set;
    }

    /**
     * The revisions of a branch: for a label, those carrying it; for a revision, it, its ancestors
     * and descendants.
     */
    private BitSet branchMembers(String branch) {
        BitSet set = new BitSet();
        if (labelDeclaredAt.containsKey(branch)) {
            for (int i = 0; i < revs.length; i++) {
                if (labels.get(i).contains(branch)) {
                    set.set(i);
                }
            }
            return set;
        }
        int r = resolveRefIndex(branch);
        set.or(walk(new int[] {r}, up));
        set.or(walk(new int[] {r}, down));
        return set;
    }

    /** Walks {@code steps} along down revisions (negative) or children (positive); -1 is base. */
    private int step(int from, int steps, String text, BitSet within) {
        int cur = from;
        int remaining = Math.abs(steps);
        while (remaining > 0) {
            if (steps > 0) {
                List<Integer> next = new ArrayList<>();
                int[] cands = cur < 0 ? baseIndexes() : up[cur];
                for (int c : cands) {
                    if (within == null || within.get(c)) {
                        next.add(c);
                    }
                }
                if (next.isEmpty()) {
                    throw new InvalidTargetException("relative target '" + text + "' goes past " + (cur < 0 ? "base" : "head " + revs[cur].id())
                            + " (" + remaining + " of " + steps + " steps left)", List.of(text));
                }
                if (next.size() > 1) {
                    throw new InvalidTargetException("relative target '" + text + "' is ambiguous at " + (cur < 0 ? "base" : revs[cur].id().value())
                            + ": it branches to " + String.join(", ", next.stream().map(i -> revs[i].id().value()).toList())
                            + "; qualify it with a branch label (label@+N)", List.of(text));
                }
                cur = next.get(0);
            } else {
                if (cur < 0) {
                    throw new InvalidTargetException("relative target '" + text + "' goes below base (" + remaining + " of " + -steps
                            + " steps left)", List.of(text));
                }
                if (down[cur].length > 1) {
                    throw new InvalidTargetException("relative target '" + text + "' is ambiguous at merge " + revs[cur].id()
                            + "; name the revision to go to instead", List.of(text));
                }
                cur = down[cur].length == 0 ? -1 : down[cur][0];
            }
            remaining--;
        }
        return cur;
    }

    private int[] baseIndexes() {
        return indexesOf(bases);
    }

    // ----------------------------------------------------------------- plans

    /** Alembic's upgrade: apply the ancestors of the targets minus the ancestors of the current heads. */
    public MigrationPlan upgradePlan(List<RevisionId> current, String target) {
        List<RevisionId> targets = resolveTargets(target, current);
        return upgradePlanTo(current, targets);
    }

    public MigrationPlan upgradePlanTo(List<RevisionId> current, List<RevisionId> targets) {
        int[] cur = indexesOf(current);
        BitSet applied = ancestorsOf(cur);
        BitSet wanted = ancestorsOf(indexesOf(targets));
        wanted.andNot(applied);
        List<Integer> order = postOrder(indexesOf(targets), wanted, allDown);
        HeadState state = new HeadState(current);
        List<MigrationStep> steps = new ArrayList<>(order.size());
        for (int i : order) {
            steps.add(new MigrationStep(revs[i], Direction.UPGRADE, state.upgrade(i)));
        }
        return new MigrationPlan(steps, current, state.heads());
    }

    /**
     * Alembic's downgrade: to a revision, revert its applied descendants (including revisions that
     * depend on it); to {@code base}, revert everything; to {@code label@base}, revert the revisions
     * carrying the label and whatever applied descends from or depends on them. A label-qualified
     * target ({@code label@-2}) that lands on a shared trunk revision reverts only that branch.
     */
    public MigrationPlan downgradePlan(List<RevisionId> current, String target) {
        RevisionSpec spec = RevisionSpec.parse(target);
        int[] cur = indexesOf(current);
        BitSet active = ancestorsOf(cur);
        BitSet remove;
        if (spec instanceof RevisionSpec.Base) {
            remove = (BitSet) active.clone();
        } else if (spec instanceof RevisionSpec.At at && at.target() instanceof RevisionSpec.Base) {
            remove = branchRemoval(at.branch(), active);
        } else if (spec instanceof RevisionSpec.Heads || spec instanceof RevisionSpec.Head && heads.size() > 1) {
            throw new InvalidTargetException("downgrade needs a single target revision, not '" + target + "'", List.of(target));
        } else {
            int t = resolveOne(spec, target, current);
            String branch = branchOf(spec);
            if (t < 0) {
                remove = branch == null ? (BitSet) active.clone() : branchRemoval(branch, active);
            } else {
                if (!active.get(t)) {
                    throw new InvalidTargetException("cannot downgrade to " + revs[t].id() + ": it is not applied (database is at "
                            + (current.isEmpty() ? "base" : String.join(", ", ids(current))) + "); use `retort upgrade` to move forward", List.of(revs[t].id().value()));
                }
                if (branch == null) {
                    remove = descendantsOf(new int[] {t});
                    remove.clear(t);
                } else {
                    // Going down a branch to a shared trunk revision reverts only the branch, not siblings.
                    BitSet lineage = lineage(branch);
                    remove = descendantsOf(java.util.Arrays.stream(allUp[t]).filter(lineage::get).toArray());
                }
                remove.and(active);
            }
        }
        List<Integer> order = postOrder(cur, remove, allDown);
        java.util.Collections.reverse(order);
        HeadState state = new HeadState(current);
        List<MigrationStep> steps = new ArrayList<>(order.size());
        for (int i : order) {
            steps.add(new MigrationStep(revs[i], Direction.DOWNGRADE, state.downgrade(i)));
        }
        return new MigrationPlan(steps, current, state.heads());
    }

    /** The branch a target is qualified with ({@code label@...}, {@code label@head-1}), or null. */
    private static String branchOf(RevisionSpec spec) {
        if (spec instanceof RevisionSpec.At at) {
            return at.branch();
        }
        if (spec instanceof RevisionSpec.Relative rel && rel.anchor() instanceof RevisionSpec.At at) {
            return at.branch();
        }
        return null;
    }

    /** A branch's applied revisions plus everything applied that descends from or depends on them. */
    private BitSet branchRemoval(String branch, BitSet active) {
        BitSet members = branchMembers(branch);
        members.and(active);
        BitSet remove = descendantsOf(members.stream().toArray());
        remove.and(active);
        return remove;
    }

    /**
     * A plan reverting exactly one revision, which must be one of the current heads (nothing
     * applied depends on it). {@code retort test} uses it for its up/down/up round trips.
     */
    public MigrationPlan revertOnly(List<RevisionId> current, RevisionId id) {
        HeadState state = new HeadState(current);
        int i = indexOf(id);
        MigrationStep step = new MigrationStep(revs[i], Direction.DOWNGRADE, state.downgrade(i));
        return new MigrationPlan(List.of(step), current, state.heads());
    }

    /**
     * Depth-first post-order from {@code roots} along {@code edges}, restricted to {@code subset}:
     * every node comes after the nodes it points to, and each branch stays together.
     */
    private List<Integer> postOrder(int[] roots, BitSet subset, int[][] edges) {
        List<Integer> out = new ArrayList<>(subset.cardinality());
        BitSet visited = new BitSet();
        Deque<int[]> stack = new ArrayDeque<>();
        int[] rootOrder = roots.clone();
        java.util.Arrays.sort(rootOrder);
        for (int root : rootOrder) {
            if (!subset.get(root) || visited.get(root)) {
                continue;
            }
            visited.set(root);
            stack.push(new int[] {root, 0});
            while (!stack.isEmpty()) {
                int[] frame = stack.peek();
                int node = frame[0];
                int[] next = edges[node];
                if (frame[1] < next.length) {
                    int child = next[frame[1]++];
                    if (subset.get(child) && !visited.get(child)) {
                        visited.set(child);
                        stack.push(new int[] {child, 0});
                    }
                } else {
                    stack.pop();
                    out.add(node);
                }
            }
        }
        return out;
    }

    /**
     * Heads for {@code stamp}: the targets replace the current heads they are related to; unrelated
     * heads stay.
     */
    public List<RevisionId> stampHeads(List<RevisionId> current, String target) {
        List<RevisionId> targets = resolveTargets(target, current);
        if (targets.isEmpty()) {
            return List.of();
        }
        int[] t = indexesOf(targets);
        BitSet related = ancestorsOf(t);
        related.or(descendantsOf(t));
        LinkedHashSet<RevisionId> out = new LinkedHashSet<>();
        for (RevisionId c : current) {
            if (index.containsKey(c) && !related.get(index.get(c))) {
                out.add(c);
            }
        }
        out.addAll(targets);
        return filterHeads(out);
    }

    /** Removes ids that are ancestors of other ids in the list. */
    private List<RevisionId> filterHeads(Collection<RevisionId> ids) {
        List<RevisionId> out = new ArrayList<>();
        for (RevisionId id : ids) {
            int i = indexOf(id);
            boolean implied = false;
            for (RevisionId other : ids) {
                if (!other.equals(id) && ancestorsOf(new int[] {indexOf(other)}).get(i)) {
                    implied = true;
                    break;
                }
            }
            if (!implied) {
                out.add(id);
            }
        }
        return out;
    }

    /**
     * Revisions for {@code history}, newest first. {@code range} is {@code start:end} (either side
     * may be empty, meaning base and heads), or null for everything.
     */
    public List<Revision> history(String range, List<RevisionId> current) {
        BitSet set;
        int[] tops;
        if (range == null || range.isBlank()) {
            set = new BitSet();
            set.set(0, revs.length);
            tops = indexesOf(heads);
        } else {
            int colon = range.indexOf(':');
            if (colon < 0) {
                throw new InvalidTargetException("history range '" + range + "' needs a colon: start:end (e.g. base:head, ae10:, -3:current)", List.of(range));
            }
            String start = range.substring(0, colon).trim();
            String end = range.substring(colon + 1).trim();
            List<RevisionId> ends = end.isEmpty() ? heads : resolveTargets(end, current);
            tops = indexesOf(ends);
            set = ancestorsOf(tops);
            if (!start.isEmpty()) {
                List<RevisionId> starts = resolveTargets(start, current);
                if (!starts.isEmpty()) {
                    set.and(descendantsOf(indexesOf(starts)));
                }
            }
        }
        List<Integer> order = postOrder(tops, set, allDown);
        java.util.Collections.reverse(order);
        List<Revision> out = new ArrayList<>(order.size());
        for (int i : order) {
            out.add(revs[i]);
        }
        return out;
    }

    // ------------------------------------------------------ version transitions

    /**
     * Tracks the version table's rows through a plan, with Alembic's rules: a step either updates
     * one row, inserts a row (new branch), deletes one (branch gone), merges rows, or unmerges.
     */
    private final class HeadState {
        private final LinkedHashSet<Integer> heads = new LinkedHashSet<>();
        /** Applied revisions: the heads and their ancestors. Kept so that each step costs its degree, not the graph size. */
        private final BitSet applied;

        HeadState(List<RevisionId> current) {
            for (RevisionId id : current) {
                heads.add(indexOf(id));
            }
            applied = ancestorsOf(heads.stream().mapToInt(Integer::intValue).toArray());
        }

        List<RevisionId> heads() {
            List<RevisionId> out = new ArrayList<>();
            for (int h : heads) {
                out.add(revs[h].id());
            }
            return out;
        }

        private List<Integer> intersect(int[] set) {
            List<Integer> out = new ArrayList<>();
            for (int s : set) {
                if (heads.contains(s)) {
                    out.add(s);
                }
            }
            return out;
        }

        /**
         * Whether {@code t}, a normalized down revision of head {@code r}, stays implied by another head
         * once {@code r} is reverted. Normalization means no applied child of {@code t} other than
         * {@code r} leads to {@code r}, so any such child leads to another head.
         */
        private boolean impliedByAnotherHead(int t, int r) {
            for (int c : allUp[t]) {
                if (c != r && applied.get(c)) {
                    return true;
                }
            }
            return false;
        }

        List<VersionChange> upgrade(int r) {
            int[] from = normalizedDown[r];
            List<Integer> present = intersect(from);
            RevisionId to = revs[r].id();
            List<VersionChange> out = new ArrayList<>();
            if (from.length == 0 || present.isEmpty()) {
                out.add(new VersionChange.Insert(to));
                heads.add(r);
            } else if (present.size() > 1) {
                // Alembic keeps the down revisions no other head implies; heads never imply each other,
                // so those are exactly the down revisions that are heads.
                for (int k = 0; k < present.size() - 1; k++) {
                    out.add(new VersionChange.Delete(revs[present.get(k)].id()));
                    heads.remove(present.get(k));
                }
                int last = present.get(present.size() - 1);
                out.add(new VersionChange.Update(revs[last].id(), to));
                replace(last, r);
            } else {
                int f = present.get(0);
                out.add(new VersionChange.Update(revs[f].id(), to));
                replace(f, r);
            }
            applied.set(r);
            return out;
        }

        List<VersionChange> downgrade(int r) {
            RevisionId id = revs[r].id();
            if (!heads.contains(r)) {
                throw new RevisionGraphException("cannot downgrade " + revs[r].where() + ": it is not a current head (heads: "
                        + String.join(", ", ids(heads())) + ")");
            }
            int[] to = normalizedDown[r];
            List<VersionChange> out = new ArrayList<>();
            List<Integer> toRevs = unmergeTargets(r, to);
            if (to.length == 0 || toRevs.isEmpty()) {
                out.add(new VersionChange.Delete(id));
                heads.remove(r);
            } else if (to.length > 1) {
                for (int k = 0; k < toRevs.size() - 1; k++) {
                    out.add(new VersionChange.Insert(revs[toRevs.get(k)].id()));
                    heads.add(toRevs.get(k));
                }
                int last = toRevs.get(toRevs.size() - 1);
                out.add(new VersionChange.Update(id, revs[last].id()));
                replace(r, last);
            } else {
                out.add(new VersionChange.Update(id, revs[to[0]].id()));
                replace(r, to[0]);
            }
            applied.clear(r);
            return out;
        }

        private List<Integer> unmergeTargets(int r, int[] to) {
            List<Integer> out = new ArrayList<>();
            for (int t : to) {
                if (!impliedByAnotherHead(t, r)) {
                    out.add(t);
                }
            }
            return out;
        }

        private void replace(int from, int to) {
            List<Integer> list = new ArrayList<>(heads);
            list.replaceAll(h -> h == from ? to : h);
            heads.clear();
            heads.addAll(list);
        }
    }
}
