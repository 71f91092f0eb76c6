package io.github.smvm.vendor;

import io.github.smvm.probe.FoundInterpreter;
import io.github.smvm.probe.InterpreterInfo;
import io.github.smvm.probe.InterpreterSurvey;
import io.github.smvm.report.InterpretersReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One Python interpreter discovery found on the machine, as the report lists it.
 *
 * @param path the path discovery found
 * @param executable what it runs ({@code sys.executable})
 * @param source where discovery found it ({@code pyenv}, {@code path}, ...)
 * @param platformTag the most specific platform tag of its wheels, or {@code null}
 * @param pipVersion the version of its pip, or {@code null} without pip
 * @param libc {@code glibc 2.36}, {@code musl 1.2}, or {@code null}
 * @param machine its {@code platform.machine()}
 * @param roles {@code primary} and/or {@code fallback} when a request picks it; empty otherwise
 */
public record ProbedInterpreter(String path, String executable, String source, String version,
        String implementation, String platformTag, String pipVersion, String libc, String machine,
        List<String> roles) {

    public ProbedInterpreter {
        roles = List.copyOf(roles);
    }

    /** Every interpreter of the survey, with the requests that picked it. */
    public static List<ProbedInterpreter> of(InterpreterSurvey survey) {
        List<ProbedInterpreter> result = new ArrayList<>();
        for (FoundInterpreter found : survey.interpreters()) {
            InterpreterInfo info = found.info();
            List<String> roles = new ArrayList<>();
            for (Map.Entry<String, InterpreterSurvey.RequestOutcome> request : survey.requests().entrySet()) {
                if (request.getValue().found()
                        && request.getValue().match().interpreter().candidate().path().equals(found.candidate().path())) {
                    roles.add(request.getKey());
                }
            }
            String libc = info.libc().family() == null ? null
                    : info.libc().family() + (info.libc().version() == null ? "" : " " + info.libc().version());
            result.add(new ProbedInterpreter(found.candidate().path().toString(), found.executable().toString(),
                    found.candidate().source().name().toLowerCase(Locale.ROOT), info.version().toString(),
                    info.implementationName(), InterpretersReport.platformTag(info), info.pipVersion(), libc,
                    info.platformMachine(), roles));
        }
        return result;
    }
}
