package io.github.smvm.probe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything discovery finds, plus the interpreter each named request (such as {@code primary} and
 * {@code fallback}) would pick and why. A request nothing satisfies is an outcome, not an error.
 *
 * @param discovered every interpreter found and every candidate that did not answer
 * @param requests the outcome per request name, in the order asked
 */
public record InterpreterSurvey(DiscoveryResult discovered, Map<String, RequestOutcome> requests) {

    /**
     * One request's outcome: either a match or the reason there is none.
     *
     * @param request what was asked for
     * @param match the chosen interpreter and why, or {@code null}
     * @param failure why nothing was chosen (where discovery looked), or {@code null}
     */
    public record RequestOutcome(InterpreterRequest request, Match match, ProbeException failure) {

        public RequestOutcome {
            Objects.requireNonNull(request, "request");
            if ((match == null) == (failure == null)) {
                throw new IllegalArgumentException("exactly one of match and failure must be set");
            }
        }

        public boolean found() {
            return match != null;
        }

        /** Why this interpreter, or why none: one paragraph for people. */
        public String explanation() {
            return match != null ? match.explanation() : failure.getMessage();
        }
    }

    public InterpreterSurvey {
        requests = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(requests));
    }

    /**
     * Runs discovery once and resolves each request. Give the discovery a {@link CachingProbe} so
     * that an interpreter is probed once however many requests there are.
     */
    public static InterpreterSurvey run(Discovery discovery, Map<String, InterpreterRequest> requests) {
        DiscoveryResult all = discovery.findAll();
        Map<String, RequestOutcome> outcomes = new LinkedHashMap<>();
        for (Map.Entry<String, InterpreterRequest> entry : requests.entrySet()) {
            try {
                outcomes.put(entry.getKey(), new RequestOutcome(entry.getValue(), discovery.find(entry.getValue()), null));
            } catch (ProbeException e) {
                outcomes.put(entry.getKey(), new RequestOutcome(entry.getValue(), null, e));
            }
        }
        return new InterpreterSurvey(all, outcomes);
    }

    /** Interpreters found for requests by path that a plain scan does not list (explicit paths). */
    public List<FoundInterpreter> interpreters() {
        List<FoundInterpreter> result = new ArrayList<>(discovered.found());
        for (RequestOutcome outcome : requests.values()) {
            if (outcome.found() && result.stream().noneMatch(f -> f.candidate().path()
                    .equals(outcome.match().interpreter().candidate().path()))) {
                result.add(outcome.match().interpreter());
            }
        }
        return result;
    }
}
