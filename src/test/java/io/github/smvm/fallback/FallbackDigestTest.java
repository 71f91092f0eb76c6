package io.github.smvm.fallback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.smvm.venv.PipSettings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The inputs digest that decides whether an environment is up to date. */
class FallbackDigestTest {

    private static PipSettings pip(String requirements, String index, String findLinks) {
        return new PipSettings(List.of(Path.of(requirements)), List.of(), List.of(), index, List.of(),
                List.of(findLinks), false, true, false, false);
    }

    private static String digest(PipSettings pip) {
        return FallbackRun.digest(List.of("fastcalc~=2.0 "), pip, List.of("json"));
    }

    /** Two modules of a reactor keep one venv with ${project.basedir}/../shared-requirements.txt and so on. */
    @Test
    void modulesNamingTheSameFilesAndIndexRelativeToThemselvesShareOneDigest() {
        String delta = digest(pip("/work/p/delta/../shared-requirements.txt", "file:///work/p/delta/../index/",
                "/work/p/delta/../wheels"));
        String epsilon = digest(pip("/work/p/epsilon/../shared-requirements.txt", "file:///work/p/epsilon/../index/",
                "/work/p/epsilon/./../wheels"));
        String plain = digest(pip("/work/p/shared-requirements.txt", "file:///work/p/index/", "/work/p/wheels"));

        assertEquals(plain, delta);
        assertEquals(plain, epsilon);
    }

    @Test
    void anotherRequirementsFileIndexOrFindLinksIsAnotherDigest() {
        String plain = digest(pip("/work/p/shared-requirements.txt", "file:///work/p/index/", "/work/p/wheels"));

        assertNotEquals(plain, digest(pip("/work/p/delta/requirements.txt", "file:///work/p/index/", "/work/p/wheels")));
        assertNotEquals(plain, digest(pip("/work/p/shared-requirements.txt", "file:///work/p/delta/index/",
                "/work/p/wheels")));
        assertNotEquals(plain, digest(pip("/work/p/shared-requirements.txt", "file:///work/p/index/",
                "/work/p/delta/wheels")));
    }
}
