package io.github.smvm.mojo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

/** Whether assess tells the user to run smvm:fallback, or that it runs next in this build. */
class AssessMojoFallbackFollowsTest {

    private static MavenProject project(String... boundGoals) {
        Model model = new Model();
        model.setBuild(new Build());
        Plugin plugin = new Plugin();
        plugin.setGroupId("io.github.smvm");
        plugin.setArtifactId("smvm-maven-plugin");
        PluginExecution execution = new PluginExecution();
        execution.setId("wheels");
        for (String goal : boundGoals) {
            execution.addGoal(goal);
        }
        plugin.addExecution(execution);
        model.getBuild().addPlugin(plugin);
        return new MavenProject(model);
    }

    @Test
    void fallbackNamedOnTheCommandLineFollows() {
        assertTrue(AssessMojo.fallbackFollows(List.of("smvm:assess", "smvm:fallback"), project()));
        assertTrue(AssessMojo.fallbackFollows(List.of("io.github.smvm:smvm-maven-plugin:0.1.0:fallback"), project()));
    }

    @Test
    void fallbackBoundInThePomFollowsWhenALifecyclePhaseRuns() {
        assertTrue(AssessMojo.fallbackFollows(List.of("verify"), project("assess", "fallback")));
        assertTrue(AssessMojo.fallbackFollows(List.of("clean", "validate"), project("assess", "fallback")));
    }

    @Test
    void otherwiseTheUserIsToldToRunIt() {
        assertFalse(AssessMojo.fallbackFollows(List.of("smvm:assess"), project("assess", "fallback")),
                "only the goal runs, not the lifecycle");
        assertFalse(AssessMojo.fallbackFollows(List.of("clean"), project("assess", "fallback")),
                "the clean lifecycle does not run validate");
        assertFalse(AssessMojo.fallbackFollows(List.of("verify"), project("assess")), "fallback is not bound");
        assertFalse(AssessMojo.fallbackFollows(List.of("verify"), new MavenProject()), "plugin not declared");
        assertFalse(AssessMojo.fallbackFollows(List.of("other:fallback"), project()), "another plugin's goal");
    }
}
