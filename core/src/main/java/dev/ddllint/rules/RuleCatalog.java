package dev.ddllint.rules;

import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * The rules of one run: the built-in ones ({@link BuiltinRules}, an explicit list) and after them a team's own
 * statement rules, found with {@link ServiceLoader} as {@code META-INF/services/dev.ddllint.rules.StatementRule}
 * in a jar or classes on the class loader the front end gives (the CLI's {@code --rules-path}, the Maven plugin's
 * dependencies, the Flyway callback's application classpath). A custom rule uses the same API as the built-in ones
 * ({@link StatementRule}, {@link RuleInfo}); its id must be new: one that a built-in or another custom rule has is an
 * error, never a silent replacement.
 */
public final class RuleCatalog {

    /** The built-in rules alone. */
    public static final RuleCatalog BUILTIN = new RuleCatalog(List.of());

    private final List<StatementRule> custom;
    private final List<StatementRule> statementRules;

    private RuleCatalog(List<StatementRule> custom) {
        this.custom = List.copyOf(custom);
        this.statementRules = Stream.concat(BuiltinRules.statementRules().stream(), this.custom.stream()).toList();
    }

    /** A rule jar or class cannot be used: the message names it and says why. */
    public static final class CustomRuleException extends Exception {
        public CustomRuleException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The built-in rules and the custom rules the class loader offers, in the order it lists them.
     *
     * @throws CustomRuleException when a listed rule cannot be loaded, or its id is taken
     */
    public static RuleCatalog load(ClassLoader loader) throws CustomRuleException {
        List<StatementRule> found = new ArrayList<>();
        try {
            for (StatementRule rule : ServiceLoader.load(StatementRule.class, loader)) {
                found.add(rule);
            }
        } catch (ServiceConfigurationError e) {
            throw new CustomRuleException("custom rule: " + e.getMessage() + (e.getCause() == null ? ""
                    : " (" + e.getCause() + ")"), e);
        }
        return of(found);
    }

    /** The built-in rules and these custom ones; {@link #load} for the ones a class loader offers. */
    public static RuleCatalog of(List<StatementRule> custom) throws CustomRuleException {
        Map<String, String> taken = new HashMap<>();
        BuiltinRules.all().forEach(r -> taken.put(r.id(), "a built-in rule"));
        List<StatementRule> kept = new ArrayList<>();
        for (StatementRule rule : custom) {
            RuleInfo info;
            try {
                info = rule.info();
            } catch (RuntimeException e) {
                throw new CustomRuleException("custom rule " + describe(rule) + ": info() failed: " + e, e);
            }
            if (info == null) {
                throw new CustomRuleException("custom rule " + describe(rule) + ": info() returned null", null);
            }
            String owner = taken.putIfAbsent(info.id(), describe(rule));
            if (owner != null) {
                throw new CustomRuleException("custom rule " + describe(rule) + " has the id '" + info.id()
                        + "', which " + owner + " has already; give it an id of its own", null);
            }
            kept.add(rule);
        }
        return kept.isEmpty() ? BUILTIN : new RuleCatalog(kept);
    }

    /** The statement rules in the order they run: the built-in ones, then the custom ones. */
    public List<StatementRule> statementRules() {
        return statementRules;
    }

    /** The custom rules only. */
    public List<StatementRule> custom() {
        return custom;
    }

    /** Every rule's info: the built-in ones in catalogue order, then the custom ones. */
    public List<RuleInfo> all() {
        return Stream.concat(BuiltinRules.all().stream(), custom.stream().map(Rule::info)).toList();
    }

    public Optional<RuleInfo> find(String id) {
        return all().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** "com.acme.NoFloatMoney (acme-rules.jar)": the class and where it was loaded from, for messages. */
    private static String describe(StatementRule rule) {
        CodeSource source = rule.getClass().getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        return rule.getClass().getName() + (location == null ? "" : " (" + location + ")");
    }
}
