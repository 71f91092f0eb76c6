package io.github.smvm.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.smvm.index.FileIndexClient;
import io.github.smvm.index.IndexFile;
import io.github.smvm.index.IndexClient;
import io.github.smvm.index.IndexOptions;
import io.github.smvm.index.JdkHttpTransport;
import io.github.smvm.index.MetadataFetcher;
import io.github.smvm.index.ProjectPage;
import io.github.smvm.index.ProjectResult;
import io.github.smvm.metadata.CoreMetadata;
import io.github.smvm.pep508.Requirement;
import io.github.smvm.requirements.LockedPackage;
import io.github.smvm.requirements.LockedWheel;
import io.github.smvm.requirements.RequirementSource;
import io.github.smvm.selection.Status;
import io.github.smvm.testing.TestIndex;
import java.net.URI;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssessorTest {

    private static final AssessedEnvironment LINUX = Environments.ofTarget("cp312-manylinux_2_17_x86_64");
    private static final AssessedEnvironment MAC = Environments.ofTarget("cp312-macosx_14_0_arm64");

    @TempDir
    Path temp;

    private ExecutorService executor;
    private final Map<String, AtomicInteger> pageFetches = new ConcurrentHashMap<>();
    private final AtomicInteger metadataReads = new AtomicInteger();

    @BeforeEach
    void start() {
        executor = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /** An index that counts how often each project page is asked for. */
    private IndexClient counting(IndexClient delegate) {
        return new IndexClient() {
            @Override
            public URI location() {
                return delegate.location();
            }

            @Override
            public ProjectResult fetchProject(String name) {
                pageFetches.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
                return delegate.fetchProject(name);
            }

            @Override
            public Map<String, ProjectResult> fetchAll(Collection<String> names) {
                Map<String, ProjectResult> result = new LinkedHashMap<>();
                names.forEach(n -> result.put(n, fetchProject(n)));
                return result;
            }
        };
    }

    private Assessor assessor(TestIndex index, AssessmentOptions options) {
        URI root = index.writeTo(temp.resolve("index"));
        IndexOptions indexOptions = IndexOptions.defaults();
        MetadataFetcher fetcher = new MetadataFetcher(new JdkHttpTransport(indexOptions), indexOptions);
        MetadataSource metadata = file -> {
            metadataReads.incrementAndGet();
            return CoreMetadata.parse(file.filename(), fetcher.fetchMetadata(file));
        };
        return new Assessor(counting(new FileIndexClient(Path.of(root), indexOptions)), metadata, executor, options);
    }

    private static TopLevelRequirement top(String text) {
        return TopLevelRequirement.of(Requirement.parse(text), "requirements.txt:1", Set.of());
    }

    private static PackageResult only(List<EnvironmentResult> results, String environment, String name) {
        return results.stream().filter(r -> r.environment().id().equals(environment)).findFirst().orElseThrow()
                .packages().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void followsDependenciesAndNamesTheChainThatBreaksATopLevelRequirement() {
        TestIndex index = new TestIndex();
        index.wheel("app", "1.0", "app-1.0-py3-none-any.whl", null, List.of("lib>=2", "extra-only; extra == 'speed'"));
        index.wheel("lib", "2.1", "lib-2.1-py3-none-any.whl", null, List.of("core"));
        index.wheel("core", "0.5", "core-0.5-cp312-cp312-macosx_11_0_arm64.whl");
        index.sdist("core", "0.5", "core-0.5.tar.gz");
        List<EnvironmentResult> results = assessor(index, AssessmentOptions.defaults())
                .assess(List.of(top("app")), List.of(LINUX, MAC));

        PackageResult onLinux = only(results, LINUX.id(), "app");
        assertEquals(Status.NO_WHEEL, onLinux.status());
        assertEquals("1.0", onLinux.version());
        assertEquals("app-1.0-py3-none-any.whl", onLinux.wheel());
        assertTrue(onLinux.reason().startsWith("dependency app \u2190 lib \u2190 core: core 0.5 has no wheel for cp312 "
                + "manylinux_2_17_x86_64"), onLinux.reason());
        assertEquals(List.of("lib", "core"), onLinux.dependencies().stream().map(PackageResult::name).toList());
        assertEquals(List.of("app", "lib", "core"), onLinux.dependencies().get(1).via());
        assertEquals("lib>=2", onLinux.dependencies().get(0).requirement());

        PackageResult onMac = only(results, MAC.id(), "app");
        assertEquals(Status.WHEEL, onMac.status());
        assertNull(onMac.reason());
        assertEquals("core-0.5-cp312-cp312-macosx_11_0_arm64.whl", onMac.dependencies().get(1).wheel());
    }

    @Test
    void environmentsThatJoinLateAreAssessedLikeTheOthersAndListedFirst() throws Exception {
        TestIndex index = new TestIndex();
        index.wheel("app", "1.0", "app-1.0-py3-none-any.whl", null, List.of("lib"));
        index.wheel("lib", "2.0", "lib-2.0-cp312-cp312-macosx_11_0_arm64.whl");
        index.wheel("lib", "2.0", "lib-2.0-cp312-cp312-manylinux_2_17_x86_64.whl");
        Assessor assessor = assessor(index, AssessmentOptions.defaults());
        CompletableFuture<List<AssessedEnvironment>> later = new CompletableFuture<>();
        // the late environment arrives only once the other's whole closure has been read: nothing waited for it
        AtomicInteger readsBeforeJoining = new AtomicInteger();
        CompletableFuture.runAsync(() -> {
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (metadataReads.get() < 2 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            readsBeforeJoining.set(metadataReads.get());
            later.complete(List.of(LINUX));
        });
        List<EnvironmentResult> results = assessor.assess(List.of(top("app")), later, List.of(MAC));
        assertEquals(2, readsBeforeJoining.get(), "the early environment's closure was not read before the late one joined");

        assertEquals(List.of(LINUX.id(), MAC.id()), results.stream().map(r -> r.environment().id()).toList());
        assertEquals("lib-2.0-cp312-cp312-manylinux_2_17_x86_64.whl", only(results, LINUX.id(), "app")
                .dependencies().get(0).wheel());
        assertEquals("lib-2.0-cp312-cp312-macosx_11_0_arm64.whl", only(results, MAC.id(), "app")
                .dependencies().get(0).wheel());
        assertEquals(Map.of("app", 1, "lib", 1), Map.of("app", pageFetches.get("app").get(), "lib",
                pageFetches.get("lib").get()));
        assertEquals(3, metadataReads.get()); // app once for both, lib's two wheels
    }

    @Test
    void aFailureOfTheLateEnvironmentsIsThrownAsItIs() {
        TestIndex index = new TestIndex();
        index.wheel("app", "1.0", "app-1.0-py3-none-any.whl");
        IllegalStateException failure = new IllegalStateException("probing failed");
        IllegalStateException thrown = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> assessor(index, AssessmentOptions.defaults()).assess(List.of(top("app")),
                        CompletableFuture.failedFuture(failure), List.of(MAC)));
        assertTrue(thrown == failure, String.valueOf(thrown));
    }

    @Test
    void readsEachProjectPageOnceAndEachWheelsMetadataOnce() {
        TestIndex index = new TestIndex();
        index.wheel("a", "1.0", "a-1.0-py3-none-any.whl", null, List.of("shared"));
        index.wheel("b", "1.0", "b-1.0-py3-none-any.whl", null, List.of("shared>=1"));
        index.wheel("shared", "1.0", "shared-1.0-py3-none-any.whl", null, List.of("a"));
        List<EnvironmentResult> results = assessor(index, AssessmentOptions.defaults())
                .assess(List.of(top("a"), top("b")), List.of(LINUX, MAC));

        // a → shared → a is a cycle: it ends, and everything is available
        assertEquals(Status.WHEEL, only(results, MAC.id(), "a").status());
        assertEquals(List.of("shared"), only(results, MAC.id(), "a").dependencies().stream().map(PackageResult::name).toList());
        assertEquals(Map.of("a", 1, "b", 1, "shared", 1), Map.of("a", pageFetches.get("a").get(),
                "b", pageFetches.get("b").get(), "shared", pageFetches.get("shared").get()));
        // three distinct wheels, whatever the number of environments and edges
        assertEquals(3, metadataReads.get());
    }

    @Test
    void readsAWheelsMetadataOnceWhenALaterWaveChoosesItAgain() {
        TestIndex index = new TestIndex();
        index.wheel("a", "1.0", "a-1.0-py3-none-any.whl", null, List.of("shared"));
        index.wheel("b", "1.0", "b-1.0-py3-none-any.whl", null, List.of("mid"));
        index.wheel("mid", "1.0", "mid-1.0-py3-none-any.whl", null, List.of("shared>=1"));
        index.wheel("shared", "1.0", "shared-1.0-py3-none-any.whl");
        List<EnvironmentResult> results = assessor(index, AssessmentOptions.defaults())
                .assess(List.of(top("a"), top("b")), List.of(LINUX));

        assertEquals(Status.WHEEL, only(results, LINUX.id(), "b").status());
        assertEquals(List.of("mid", "shared"), only(results, LINUX.id(), "b").dependencies().stream()
                .map(PackageResult::name).toList());
        // shared is decided twice, as "shared" in the second wave and as "shared>=1" in the third: read once
        assertEquals(4, metadataReads.get());
    }

    /**
     * An index whose files announce PEP 658 metadata with a hash: the Linux and macOS wheels of {@code app 1.0}
     * share one, {@code lib 1.0}'s two wheels each have their own.
     */
    private static IndexClient announcingIndex() {
        URI root = URI.create("https://index.example/simple/");
        Map<String, List<IndexFile>> files = Map.of(
                "app", List.of(
                        announced("app-1.0-cp312-cp312-manylinux_2_17_x86_64.whl", "aa"),
                        announced("app-1.0-cp312-cp312-macosx_11_0_arm64.whl", "aa")),
                "lib", List.of(
                        announced("lib-1.0-cp312-cp312-manylinux_2_17_x86_64.whl", "b1"),
                        announced("lib-1.0-cp312-cp312-macosx_11_0_arm64.whl", "b2")));
        return new IndexClient() {
            @Override
            public URI location() {
                return root;
            }

            @Override
            public ProjectResult fetchProject(String name) {
                List<IndexFile> listed = files.get(name);
                URI url = root.resolve(name + "/");
                return listed == null ? new ProjectResult.NotFound(url, List.of())
                        : new ProjectResult.Found(new ProjectPage(name, url, listed, List.of()));
            }

            @Override
            public Map<String, ProjectResult> fetchAll(Collection<String> names) {
                Map<String, ProjectResult> result = new LinkedHashMap<>();
                names.forEach(n -> result.put(n, fetchProject(n)));
                return result;
            }
        };
    }

    private static IndexFile announced(String filename, String metadataSha256) {
        return new IndexFile(filename, URI.create("https://files.example/" + filename), Map.of(), null, false, null,
                true, Map.of("sha256", metadataSha256));
    }

    @Test
    void readsMetadataTheIndexAnnouncesWithOneHashOnceForAllItsFiles() {
        Map<String, Integer> reads = new ConcurrentHashMap<>();
        MetadataSource metadata = file -> {
            reads.merge(file.filename(), 1, Integer::sum);
            String name = file.filename().substring(0, file.filename().indexOf('-'));
            return CoreMetadata.parse(file.filename(), "Metadata-Version: 2.1\nName: " + name + "\nVersion: 1.0\n"
                    + (name.equals("app") ? "Requires-Dist: lib\n" : ""));
        };
        List<EnvironmentResult> results = new Assessor(announcingIndex(), metadata, executor, AssessmentOptions.defaults())
                .assess(List.of(top("app")), List.of(LINUX, MAC));

        assertEquals("app-1.0-cp312-cp312-manylinux_2_17_x86_64.whl", only(results, LINUX.id(), "app").wheel());
        assertEquals("app-1.0-cp312-cp312-macosx_11_0_arm64.whl", only(results, MAC.id(), "app").wheel());
        assertEquals(List.of("lib"), only(results, MAC.id(), "app").dependencies().stream().map(PackageResult::name).toList());
        // app's two wheels share one announced metadata file: read once; lib's two have their own: read each
        assertEquals(1, reads.entrySet().stream().filter(e -> e.getKey().startsWith("app-")).mapToInt(Map.Entry::getValue).sum(),
                reads.toString());
        assertEquals(Map.of("lib-1.0-cp312-cp312-manylinux_2_17_x86_64.whl", 1, "lib-1.0-cp312-cp312-macosx_11_0_arm64.whl", 1),
                reads.entrySet().stream().filter(e -> e.getKey().startsWith("lib-"))
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    @Test
    void aFailedReadOfSharedMetadataIsTheReadFilesOwnAndTheOtherFileIsReadItself() {
        Map<String, Integer> reads = new ConcurrentHashMap<>();
        String broken = "app-1.0-cp312-cp312-manylinux_2_17_x86_64.whl";
        MetadataSource metadata = file -> {
            reads.merge(file.filename(), 1, Integer::sum);
            if (file.filename().equals(broken)) {
                throw new java.io.IOException("HTTP status 500 from " + file.url() + ".metadata");
            }
            String name = file.filename().substring(0, file.filename().indexOf('-'));
            return CoreMetadata.parse(file.filename(), "Metadata-Version: 2.1\nName: " + name + "\nVersion: 1.0\n");
        };
        // the Linux wheel's read is asked for first (LINUX is decided first), and fails
        List<EnvironmentResult> results = new Assessor(announcingIndex(), metadata, executor, AssessmentOptions.defaults())
                .assess(List.of(top("app")), List.of(LINUX, MAC));

        PackageResult linux = only(results, LINUX.id(), "app");
        assertEquals(Status.ERROR, linux.status());
        assertTrue(linux.reason().contains("HTTP status 500"), linux.reason());
        assertEquals(Status.WHEEL, only(results, MAC.id(), "app").status());
        assertEquals(Map.of(broken, 1, "app-1.0-cp312-cp312-macosx_11_0_arm64.whl", 1), reads);
    }

    @Test
    void extrasSelectConditionalDependencies() {
        TestIndex index = new TestIndex();
        index.wheel("app", "1.0", "app-1.0-py3-none-any.whl", null, List.of("speedup; extra == 'fast'"));
        index.sdist("speedup", "1.0", "speedup-1.0.tar.gz");
        Assessor assessor = assessor(index, AssessmentOptions.defaults());
        List<EnvironmentResult> results = assessor.assess(List.of(top("app"), top("App[Fast]")), List.of(LINUX));
        List<PackageResult> packages = results.get(0).packages();
        assertEquals(Status.WHEEL, packages.get(0).status());
        assertEquals(Status.SDIST_ONLY, packages.get(1).status());
        assertEquals("App[Fast]", packages.get(1).requirement());
    }

    @Test
    void markersFalseForAnEnvironmentSkipTheRequirementThere() {
        TestIndex index = new TestIndex();
        index.wheel("winonly", "1.0", "winonly-1.0-cp312-cp312-win_amd64.whl");
        List<EnvironmentResult> results = assessor(index, AssessmentOptions.defaults())
                .assess(List.of(top("winonly; sys_platform == 'win32'")), List.of(LINUX));
        assertEquals(Status.SKIPPED, only(results, LINUX.id(), "winonly").status());
        assertEquals(null, pageFetches.get("winonly"));
    }

    @Test
    void constraintsNarrowTheChoice() {
        TestIndex index = new TestIndex();
        index.wheel("lib", "1.0", "lib-1.0-py3-none-any.whl");
        index.wheel("lib", "2.0", "lib-2.0-py3-none-any.whl");
        AssessmentOptions options = new AssessmentOptions(true, false, List.of(Requirement.parse("lib<2")));
        List<EnvironmentResult> results = assessor(index, options).assess(List.of(top("lib")), List.of(LINUX));
        assertEquals("1.0", only(results, LINUX.id(), "lib").version());
    }

    @Test
    void withoutTransitiveOnlyTopLevelRequirementsAreChecked() {
        TestIndex index = new TestIndex();
        index.wheel("app", "1.0", "app-1.0-py3-none-any.whl", null, List.of("missing-dep"));
        List<EnvironmentResult> results = assessor(index, new AssessmentOptions(false, false, List.of()))
                .assess(List.of(top("app")), List.of(LINUX));
        assertEquals(Status.WHEEL, only(results, LINUX.id(), "app").status());
        assertEquals(0, metadataReads.get());
    }

    @Test
    void unknownProjectIsNotFoundAndNamesTheIndex() {
        TestIndex index = new TestIndex();
        index.wheel("other", "1.0", "other-1.0-py3-none-any.whl");
        List<EnvironmentResult> results = assessor(index, AssessmentOptions.defaults())
                .assess(List.of(top("nothere")), List.of(LINUX));
        PackageResult result = only(results, LINUX.id(), "nothere");
        assertEquals(Status.NOT_FOUND, result.status());
        assertTrue(result.reason().startsWith("no project 'nothere' on file:"), result.reason());
    }

    @Test
    void directWheelReferenceIsCheckedByItsFileName() {
        List<EnvironmentResult> results = assessor(new TestIndex(), AssessmentOptions.defaults()).assess(List.of(
                top("fast @ https://files.example/fast-1.0-cp312-cp312-manylinux_2_28_x86_64.whl"),
                top("src @ https://files.example/src-1.0.tar.gz")), List.of(LINUX));
        PackageResult fast = only(results, LINUX.id(), "fast");
        assertEquals(Status.NO_WHEEL, fast.status());
        assertTrue(fast.reason().contains("glibc 2.28"), fast.reason());
        assertEquals(Status.SDIST_ONLY, only(results, LINUX.id(), "src").status());
    }

    @Test
    void lockedPackagesAreCheckedAgainstTheirListedWheels() {
        RequirementSource origin = new RequirementSource(Path.of("pylock.toml"), 0, "pylock.toml packages[0]");
        LockedPackage numpy = new LockedPackage("numpy", "2.0.0", null, ">=3.9", List.of(
                new LockedWheel("numpy-2.0.0-cp312-cp312-macosx_14_0_arm64.whl", null, null, List.of(), null, null),
                new LockedWheel("numpy-2.0.0-cp312-cp312-manylinux_2_28_x86_64.whl", null, null, List.of(), null, null)),
                true, null, origin, null);
        TopLevelRequirement locked = new TopLevelRequirement("numpy==2.0.0", origin.description(), null, numpy, Set.of());
        List<EnvironmentResult> results = assessor(new TestIndex(), AssessmentOptions.defaults())
                .assess(List.of(locked), List.of(LINUX, MAC));
        assertEquals(Status.NO_WHEEL, only(results, LINUX.id(), "numpy").status());
        assertTrue(only(results, LINUX.id(), "numpy").reason().contains("glibc 2.28"));
        assertEquals("numpy-2.0.0-cp312-cp312-macosx_14_0_arm64.whl", only(results, MAC.id(), "numpy").wheel());
    }

    @Test
    void choosesTheNextVersionWhenTheChosenWheelsMetadataExcludesThePython() {
        // as pip does: the index says nothing, the wheel's METADATA says Requires-Python >=3.14
        TestIndex index = new TestIndex();
        index.wheel("demo", "1.0", "demo-1.0-py3-none-any.whl");
        index.wheel("demo", "2.0", "demo-2.0-py3-none-any.whl", ">=3.14", List.of("newer-only"));
        List<EnvironmentResult> results = assessor(index, AssessmentOptions.defaults())
                .assess(List.of(top("demo")), List.of(LINUX));
        PackageResult demo = only(results, LINUX.id(), "demo");
        assertEquals(Status.WHEEL, demo.status());
        assertEquals("demo-1.0-py3-none-any.whl", demo.wheel());
        assertEquals(List.of(), demo.dependencies()); // 2.0's dependency is not followed
        assertEquals(2, metadataReads.get());

        PackageResult pinned = only(assessor(index, AssessmentOptions.defaults())
                .assess(List.of(top("demo==2.0")), List.of(LINUX)), LINUX.id(), "demo");
        assertEquals(Status.NO_VERSION, pinned.status());
        assertEquals("demo 2.0 requires Python >=3.14 (in its metadata) and no allowed version supports Python 3.12",
                pinned.reason());
    }

    @Test
    void recordsWhichWheelsExistTheNewestVersionThatFitsAndTheChosenWheelsProjectUrls() {
        TestIndex index = new TestIndex();
        index.wheel("fastcalc", "2.0.4", "fastcalc-2.0.4-cp312-cp312-manylinux_2_17_x86_64.whl");
        index.wheel("fastcalc", "2.1.0", "fastcalc-2.1.0-cp312-cp312-macosx_11_0_arm64.whl");
        index.wheel("fastcalc", "2.1.0", "fastcalc-2.1.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl");
        index.sdist("fastcalc", "2.1.0", "fastcalc-2.1.0.tar.gz");
        index.wheel("fastcalc", "3.0.0", "fastcalc-3.0.0-cp312-cp312-manylinux_2_17_x86_64.whl");
        URI root = index.writeTo(temp.resolve("index"));
        IndexOptions indexOptions = IndexOptions.defaults();
        MetadataSource metadata = file -> CoreMetadata.parse(file.filename(), "Metadata-Version: 2.1\nName: fastcalc\n"
                + "Version: 2.1.0\nProject-URL: Source, https://github.com/example/fastcalc\nHome-page: https://fastcalc.example.org\n");
        Assessor assessor = new Assessor(new FileIndexClient(Path.of(root), indexOptions), metadata, executor,
                AssessmentOptions.defaults());
        List<EnvironmentResult> results = assessor.assess(List.of(top("fastcalc~=2.0")), List.of(LINUX, MAC));

        PackageResult linux = only(results, LINUX.id(), "fastcalc");
        assertEquals(Status.OLDER_WHEEL, linux.status());
        assertEquals("2.1.0", linux.newestVersion());
        assertEquals(List.of("cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64", "cp312-cp312-macosx_11_0_arm64"),
                linux.newestVersionWheels());
        assertEquals("3.0.0", linux.compatibleVersion(), "outside the specifier, but it has a wheel here");
        assertEquals(Map.of("Source", "https://github.com/example/fastcalc", "Homepage", "https://fastcalc.example.org"),
                linux.projectUrls());
        PackageResult mac = only(results, MAC.id(), "fastcalc");
        assertEquals(Status.WHEEL, mac.status());
        assertEquals("2.1.0", mac.compatibleVersion());
    }
}
