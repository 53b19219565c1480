package io.orrery.model.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version constraint as a {@code python-program}'s requirements write it: one or more comma-separated clauses, each
 * an operator ({@code >}, {@code >=}, {@code <}, {@code <=}, {@code ==}, {@code ~=}) and a dotted version; a bare
 * version means at least that one. {@code == 3.11} admits every 3.11.x; {@code ~= 3.10} admits 3.10 and later 3.x
 * (as PEP 440's compatible release). Versions are compared by their leading numbers ({@code 2.0.0rc1} as 2.0.0).
 */
public record VersionConstraint(String text, List<Clause> clauses) {
    private static final Pattern CLAUSE = Pattern.compile("\\s*(>=|<=|==|~=|>|<)?\\s*(\\d+(?:\\.\\d+)*)\\s*");
    private static final Pattern LEADING = Pattern.compile("\\d+(?:\\.\\d+)*");

    /** One operator and the version it compares with. */
    public record Clause(String op, List<Integer> version) {
        boolean admits(List<Integer> v) {
            int c = compare(v, version);
            return switch (op) {
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case "==" -> compare(v.subList(0, Math.min(v.size(), version.size())), version) == 0;
                default -> c >= 0 && (version.size() < 2 ? true
                        : compare(prefix(v, version.size() - 1), version.subList(0, version.size() - 1)) == 0);
            };
        }
    }

    /** The constraint, or empty when the text is not one (the finding says why). */
    public static Optional<VersionConstraint> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        List<Clause> clauses = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            Matcher m = CLAUSE.matcher(part);
            if (!m.matches()) {
                return Optional.empty();
            }
            clauses.add(new Clause(m.group(1) == null ? ">=" : m.group(1), numbers(m.group(2))));
        }
        return Optional.of(new VersionConstraint(text.strip(), List.copyOf(clauses)));
    }

    /** Whether a version ({@code 3.11.2}, {@code Python 3.11.2}, {@code 2.0.0rc1}) meets every clause. */
    public boolean admits(String version) {
        Optional<List<Integer>> v = leading(version);
        return v.isPresent() && clauses.stream().allMatch(c -> c.admits(v.get()));
    }

    /** The first dotted number in the text ({@code Python 3.11.2} gives 3.11.2), if any. */
    public static Optional<List<Integer>> leading(String version) {
        if (version == null) {
            return Optional.empty();
        }
        Matcher m = LEADING.matcher(version);
        return m.find() ? Optional.of(numbers(m.group())) : Optional.empty();
    }

    /** The first dotted number in the text, as text. */
    public static Optional<String> number(String version) {
        return leading(version).map(v -> String.join(".", v.stream().map(String::valueOf).toList()));
    }

    private static List<Integer> numbers(String dotted) {
        List<Integer> out = new ArrayList<>();
        for (String n : dotted.split("\\.")) {
            out.add(n.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(n));
        }
        return List.copyOf(out);
    }

    private static List<Integer> prefix(List<Integer> v, int n) {
        List<Integer> out = new ArrayList<>(v.subList(0, Math.min(n, v.size())));
        while (out.size() < n) {
            out.add(0);
        }
        return out;
    }

    private static int compare(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            int x = i < a.size() ? a.get(i) : 0;
            int y = i < b.size() ? b.get(i) : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return text;
    }
}
