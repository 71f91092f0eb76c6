package io.github.smvm.assess;

import io.github.smvm.policy.EnvironmentHealth;
import io.github.smvm.policy.HealthPolicy;
import io.github.smvm.policy.PackageOutcome;
import io.github.smvm.policy.Verdict;
import io.github.smvm.policy.Verdict.Selected;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The assessment's results with their health per environment, the verdict, and the recommendations.
 *
 * @param health per environment id; absent for an unavailable environment
 */
public record AssessmentOutcome(List<EnvironmentResult> environments, Map<String, EnvironmentHealth> health,
        Verdict verdict, List<String> recommendations) {

    public AssessmentOutcome {
        environments = List.copyOf(environments);
        health = Collections.unmodifiableMap(new LinkedHashMap<>(health));
        recommendations = List.copyOf(recommendations);
    }

    /** Applies the policy: health per environment, then the verdict from the primary and the fallback. */
    public static AssessmentOutcome of(List<EnvironmentResult> environments, HealthPolicy policy) {
        Map<String, EnvironmentHealth> health = new LinkedHashMap<>();
        for (EnvironmentResult result : environments) {
            if (result.environment().available()) {
                health.put(result.environment().id(), policy.health(result.packages().stream()
                        .map(p -> new PackageOutcome(p.name(), p.status())).toList()));
            }
        }
        EnvironmentHealth primary = role(environments, Role.PRIMARY).map(e -> health.get(e.environment().id())).orElse(null);
        EnvironmentHealth fallback = role(environments, Role.FALLBACK).map(e -> health.get(e.environment().id())).orElse(null);
        Verdict verdict = policy.decide(primary, fallback);
        return new AssessmentOutcome(environments, health, verdict, recommendations(environments, health, verdict));
    }

    public Optional<EnvironmentResult> environment(Role role) {
        return role(environments, role);
    }

    /** The environment the build goes on with, if any. */
    public Optional<EnvironmentResult> selected() {
        if (verdict.selected() == null) {
            return Optional.empty();
        }
        return environment(verdict.selected() == Selected.PRIMARY ? Role.PRIMARY : Role.FALLBACK);
    }

    private static Optional<EnvironmentResult> role(List<EnvironmentResult> environments, Role role) {
        return environments.stream().filter(e -> e.environment().role() == role).findFirst();
    }

    private static List<String> recommendations(List<EnvironmentResult> environments,
            Map<String, EnvironmentHealth> health, Verdict verdict) {
        List<String> result = new ArrayList<>();
        for (EnvironmentResult environment : environments) {
            AssessedEnvironment env = environment.environment();
            if (!env.available()) {
                result.add(env.id() + " interpreter unavailable: " + firstLine(env.unavailableReason()));
            }
        }
        switch (verdict.status()) {
            case FALLBACK_AVAILABLE -> {
                EnvironmentResult fallback = role(environments, Role.FALLBACK).orElseThrow();
                result.add("Use the fallback interpreter (Python " + fallback.environment().pythonVersion()
                        + "): run `mvn smvm:fallback` to build the environment on it");
                result.add("Ask the vendors for wheels for the primary interpreter: run `mvn smvm:vendor-report`");
            }
            case COMPLETE_FAILURE -> result.add("Neither interpreter installs all requirements from wheels: run "
                    + "`mvn smvm:vendor-report` and send the report to the vendors of the failing packages");
            default -> { }
        }
        for (EnvironmentResult environment : environments) {
            for (PackageResult p : environment.packages()) {
                if (!p.status().isAvailable() && p.suggestion() != null) {
                    String line = p.name() + ": " + p.suggestion();
                    if (!result.contains(line)) {
                        result.add(line);
                    }
                }
            }
            EnvironmentHealth h = health.get(environment.environment().id());
            if (environment.environment().role() == Role.TARGET && h != null && !h.healthy()) {
                result.add("target " + environment.environment().id() + " is not healthy: "
                        + String.join(", ", h.failed()) + (h.failed().size() == 1 ? " lacks" : " lack")
                        + " compatible wheels");
            }
        }
        return result;
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
