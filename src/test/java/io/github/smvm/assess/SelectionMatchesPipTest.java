package io.github.smvm.assess;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.smvm.index.IndexClient;
import io.github.smvm.index.IndexOptions;
import io.github.smvm.index.JdkHttpTransport;
import io.github.smvm.index.MetadataFetcher;
import io.github.smvm.metadata.CoreMetadata;
import io.github.smvm.pep440.Version;
import io.github.smvm.pep508.Requirement;
import io.github.smvm.probe.InterpreterInfo;
import io.github.smvm.probe.ProbeException;
import io.github.smvm.probe.Prober;
import io.github.smvm.probe.PythonVersion;
import io.github.smvm.selection.Status;
import io.github.smvm.tags.SupportedTags;
import io.github.smvm.tags.Tag;
import io.github.smvm.testing.PipReference;
import io.github.smvm.testing.TestIndex;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * For every requirement and environment, the version and wheel the assessor chooses are the ones
 * {@code pip install --dry-run --only-binary=:all: --no-deps --ignore-installed --report} chooses, and
 * where pip finds nothing our status says the requirement is not available.
 *
 * <p>The index is {@link #index() described below}; pip and the assessor read the same form of it:
 * a {@code file://} tree (every environment), PEP 503 HTML served on loopback (the oldest real
 * interpreter, so the oldest pip) and PEP 691 JSON served on loopback (the first virtual target).
 *
 * <p>Environments: (1) each CPython under {@code $(pyenv root)/versions} whose pip has
 * {@code --dry-run} and {@code --report} (22.2+), its pip run inside it and compared with the
 * assessor's view of its probe; (2) the virtual {@link #TARGETS}, compared with pip's
 * {@code --python-version/--implementation/--abi/--platform} emulation run by the machine's newest
 * pip. pip expands macOS and {@code manylinux2014/2010} platform families but not PEP 600
 * {@code manylinux_x_y}, so every platform tag our {@link SupportedTags} lists for the target is
 * passed, in order, and every ABI ({@code abi3} and {@code none} are placed by pip itself). One
 * known artefact of that emulation: pip inserts {@code manylinux2010}/{@code manylinux1} right after
 * {@code manylinux2014}, before {@code manylinux_2_16..2_5}; the index has no version whose choice
 * depends on that order.
 */
class SelectionMatchesPipTest {

    /** Virtual targets; the first also runs against the JSON form. */
    static final List<String> TARGETS = List.of(
            "cp312-manylinux_2_17_x86_64",
            "cp312-manylinux_2_28_x86_64",
            "cp311-musllinux_1_2_aarch64",
            "cp312-macosx_14_0_arm64",
            "cp311-macosx_10_9_x86_64",
            "cp313-win_amd64",
            "cp312-win32",
            "cp313t-manylinux_2_28_x86_64");

    /** Requirements as a user writes them; each project once, so that pip needs one batch. */
    static final List<String> REQUIREMENTS = List.of(
            "plain",
            "unreadable-files",
            "yanked-newest",
            "yanked-pinned==2.0",
            "yanked-only",
            "yanked-arbitrary===2.0",
            "requires-python",
            "rp-invalid",
            "rp-metadata-only",
            "rp-boundaries",
            "pre-skipped",
            "pre-named>=2.0b1",
            "pre-only",
            "pre-only-spec>=0.1",
            "pre-yanked",
            "pre-fallback",
            "build-tag",
            "build-tag-vs-tag",
            "epoch",
            "same-version",
            "local-version==1.0",
            "foo-bar-baz",
            "ml-glibc",
            "tag-priority",
            "interpreter-none-any",
            "upper-case-tags",
            "linux-plain",
            "abi3-native",
            "free-threaded",
            "musl-versions",
            "mac-arm",
            "mac-universal",
            "mac-x86",
            "win-versions",
            "py2py3",
            "sdist-only",
            "older-wheel",
            "no-version>=2",
            "not-there");

    private static final Set<Status> NOT_AVAILABLE = EnumSet.of(Status.SDIST_ONLY, Status.NO_WHEEL,
            Status.NO_VERSION, Status.NOT_FOUND);
    private static final Version DRY_RUN_PIP = Version.parse("22.2");
    /** The first pip whose vendored packaging (24.1) knows that abi3 does not apply to free-threaded ABIs. */
    private static final Version FREE_THREADED_PIP = Version.parse("24.1");
    private static final Duration PIP_TIMEOUT = Duration.ofSeconds(120);

    /**
     * The test index. Each project exercises one rule; platform-specific projects keep an older
     * {@code py3-none-any} version so that the other environments choose something too.
     */
    static TestIndex index() {
        TestIndex index = new TestIndex();
        index.wheel("plain", "1.0", "plain-1.0-py3-none-any.whl");
        index.wheel("plain", "1.1", "plain-1.1-py3-none-any.whl");
        index.wheel("plain", "9.0", "plainer-9.0-py3-none-any.whl"); // on plain's page, named for another project
        index.wheel("plain", "1.2", "plain-1.2-py3-none-any.whl").yanked("bad build");
        // files pip cannot read are skipped: an upper-case extension, an invalid version, too few tags
        index.wheel("unreadable-files", "1.0", "unreadable_files-1.0-py3-none-any.whl");
        index.wheel("unreadable-files", "3.0", "unreadable_files-3.0-py3-none-any.WHL");
        index.wheel("unreadable-files", "4.0", "unreadable_files-4.0.x.y-py3-none-any.whl");
        index.wheel("unreadable-files", "5.0", "unreadable_files-5.0-py3-none.whl");

        // yanked: the newest is skipped; a pin chooses it; nothing but yanked files without a pin is nothing
        index.wheel("yanked-newest", "1.0", "yanked_newest-1.0-py3-none-any.whl");
        index.wheel("yanked-newest", "2.0", "yanked_newest-2.0-py3-none-any.whl").yanked("broken");
        index.wheel("yanked-pinned", "1.0", "yanked_pinned-1.0-py3-none-any.whl");
        index.wheel("yanked-pinned", "2.0", "yanked_pinned-2.0-py3-none-any.whl").yanked("broken");
        index.wheel("yanked-only", "1.0", "yanked_only-1.0-py3-none-any.whl").yanked(null);
        index.wheel("yanked-arbitrary", "1.0", "yanked_arbitrary-1.0-py3-none-any.whl");
        index.wheel("yanked-arbitrary", "2.0", "yanked_arbitrary-2.0-py3-none-any.whl").yanked(null);

        // Requires-Python (in the index and the metadata) excludes newer versions on older Pythons;
        // 3.5 needs a micro version a virtual 3.12 (3.12.0) lacks; 4.0 fits nobody
        index.wheel("requires-python", "1.0", "requires_python-1.0-py3-none-any.whl");
        requiresPython(index, "requires-python", "2.0", ">=3.10");
        requiresPython(index, "requires-python", "3.0", ">=3.12");
        requiresPython(index, "requires-python", "3.5", ">=3.12.1");
        requiresPython(index, "requires-python", "4.0", ">=3.14");
        // boundaries: 3.12.1 is above <=3.12, a virtual 3.12 (3.12.0) is not; wildcards exclude every micro
        index.wheel("rp-boundaries", "1.0", "rp_boundaries-1.0-py3-none-any.whl");
        requiresPython(index, "rp-boundaries", "2.0", "<=3.12");
        requiresPython(index, "rp-boundaries", "3.0", "!=3.12.*,!=3.9.*");
        requiresPython(index, "rp-boundaries", "4.0", "<3.11");
        // an invalid Requires-Python in the index is ignored
        index.wheel("rp-invalid", "1.0", "rp_invalid-1.0-py3-none-any.whl");
        index.wheel("rp-invalid", "2.0", "rp_invalid-2.0-py3-none-any.whl").requiresPython("~=3");
        // Requires-Python only in the wheel's metadata, not in the index
        index.wheel("rp-metadata-only", "1.0", "rp_metadata_only-1.0-py3-none-any.whl");
        index.wheel("rp-metadata-only", "2.0", "rp_metadata_only-2.0-py3-none-any.whl", ">=3.14", List.of());

        // pre-releases: skipped unless named by the specifier, or unless nothing else exists
        index.wheel("pre-skipped", "1.0", "pre_skipped-1.0-py3-none-any.whl");
        index.wheel("pre-skipped", "2.0b1", "pre_skipped-2.0b1-py3-none-any.whl");
        index.wheel("pre-named", "1.0", "pre_named-1.0-py3-none-any.whl");
        index.wheel("pre-named", "2.0b1", "pre_named-2.0b1-py3-none-any.whl");
        index.wheel("pre-only", "1.0a1", "pre_only-1.0a1-py3-none-any.whl");
        index.wheel("pre-only-spec", "1.0a1", "pre_only_spec-1.0a1-py3-none-any.whl");
        // a yanked final release still keeps pre-releases out; a final release without a fitting wheel does not
        index.wheel("pre-yanked", "1.0", "pre_yanked-1.0-py3-none-any.whl").yanked("broken");
        index.wheel("pre-yanked", "2.0b1", "pre_yanked-2.0b1-py3-none-any.whl");
        index.wheel("pre-fallback", "1.0", "pre_fallback-1.0-cp38-abi3-win_amd64.whl");
        index.wheel("pre-fallback", "2.0b1", "pre_fallback-2.0b1-py3-none-any.whl");

        // build tags: the highest wins within a version and tag, numerically then by the rest;
        // a better tag beats a higher build tag
        for (String build : List.of("", "-1", "-2", "-10", "-10b", "-9z")) {
            index.wheel("build-tag", "1.0", "build_tag-1.0" + build + "-py3-none-any.whl");
        }
        index.wheel("build-tag", "2.0", "build_tag-2.0-x1-py3-none-any.whl"); // not a build tag: not a wheel name
        index.wheel("build-tag-vs-tag", "1.0", "build_tag_vs_tag-1.0-9-py3-none-any.whl");
        index.wheel("build-tag-vs-tag", "1.0", "build_tag_vs_tag-1.0-1-py3-none-manylinux1_x86_64.whl");

        // epochs and local versions
        index.wheel("epoch", "2.0", "epoch-2.0-py3-none-any.whl");
        index.wheel("epoch", "1!1.0", "epoch-1!1.0-py3-none-any.whl");
        for (String version : List.of("1.0", "1.0+abc", "1.0+local.2", "1.0+local.10", "1.1")) {
            index.wheel("local-version", version, "local_version-" + version + "-py3-none-any.whl");
        }
        // 1.0 and 1.0.0 are one version: the build tag decides between them
        index.wheel("same-version", "1.0", "same_version-1.0-py3-none-any.whl");
        index.wheel("same-version", "1.0.0", "same_version-1.0.0-1-py3-none-any.whl");

        // name normalisation: project Foo.Bar_baz, requested as foo-bar-baz, files in several spellings
        index.wheel("Foo.Bar_baz", "1.0", "foo_bar_baz-1.0-py3-none-any.whl");
        index.wheel("Foo.Bar_baz", "1.1", "Foo.Bar_baz-1.1-py3-none-any.whl");
        index.sdist("Foo.Bar_baz", "2.0", "foo_bar_baz-2.0.tar.gz");

        // manylinux: legacy aliases and PEP 600, glibc too new (2.39) for every environment here
        index.wheel("ml-glibc", "0.1", "ml_glibc-0.1-py3-none-any.whl");
        index.wheel("ml-glibc", "1.0", "ml_glibc-1.0-py3-none-manylinux1_x86_64.whl");
        index.wheel("ml-glibc", "2.0", "ml_glibc-2.0-py3-none-manylinux2010_x86_64.whl");
        index.wheel("ml-glibc", "2.5", "ml_glibc-2.5-py3-none-manylinux2014_x86_64.whl");
        index.wheel("ml-glibc", "3.0", "ml_glibc-3.0-py3-none-manylinux_2_28_x86_64.whl");
        index.wheel("ml-glibc", "3.5", "ml_glibc-3.5-py3-none-manylinux_2_35_x86_64.whl");
        index.wheel("ml-glibc", "4.0", "ml_glibc-4.0-py3-none-manylinux_2_39_x86_64.whl");

        // tag priority between several compatible wheels of one version
        index.wheel("tag-priority", "1.0", "tag_priority-1.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl");
        index.wheel("tag-priority", "1.0", "tag_priority-1.0-cp312-abi3-manylinux_2_28_x86_64.whl");
        index.wheel("tag-priority", "1.0", "tag_priority-1.0-cp38-abi3-manylinux_2_17_x86_64.whl");
        index.wheel("tag-priority", "1.0", "tag_priority-1.0-py3-none-manylinux_2_17_x86_64.whl");
        index.wheel("tag-priority", "1.0", "tag_priority-1.0-py3-none-any.whl");

        // cpXY-none-any comes before py3-none-any; tags are compared case-insensitively; linux_<arch> fits glibc
        index.wheel("interpreter-none-any", "1.0", "interpreter_none_any-1.0-py3-none-any.whl");
        index.wheel("interpreter-none-any", "1.0", "interpreter_none_any-1.0-cp312-none-any.whl");
        index.wheel("upper-case-tags", "1.0", "upper_case_tags-1.0-py3-none-any.whl");
        index.wheel("upper-case-tags", "2.0", "upper_case_tags-2.0-PY3-None-ANY.whl");
        index.wheel("linux-plain", "1.0", "linux_plain-1.0-py3-none-any.whl");
        index.wheel("linux-plain", "2.0", "linux_plain-2.0-cp38-abi3-linux_x86_64.whl");

        // abi3 of an older Python on newer ones, on every platform family; not for free-threaded builds
        for (String platform : List.of("manylinux_2_17_x86_64", "musllinux_1_1_aarch64", "macosx_10_9_x86_64",
                "macosx_11_0_arm64", "win_amd64", "win32")) {
            index.wheel("abi3-native", "1.0", "abi3_native-1.0-cp38-abi3-" + platform + ".whl");
        }
        index.wheel("abi3-native", "2.0", "abi3_native-2.0-cp313-abi3-manylinux_2_17_x86_64.whl"); // 3.13 and later

        // free-threaded: cp313t needs its own ABI
        index.wheel("free-threaded", "1.0", "free_threaded-1.0-py3-none-any.whl");
        index.wheel("free-threaded", "2.0", "free_threaded-2.0-cp313-cp313t-manylinux_2_17_x86_64.manylinux2014_x86_64.whl");
        index.wheel("free-threaded", "2.0", "free_threaded-2.0-cp313-cp313-manylinux_2_17_x86_64.manylinux2014_x86_64.whl");
        index.wheel("free-threaded", "2.0", "free_threaded-2.0-cp313-cp313-win_amd64.whl");
        index.wheel("free-threaded", "2.0", "free_threaded-2.0-cp38-abi3-manylinux_2_17_x86_64.whl");

        // musllinux: versions, too new (1.3), and glibc wheels that do not fit musl
        index.wheel("musl-versions", "0.5", "musl_versions-0.5-py3-none-any.whl");
        index.wheel("musl-versions", "1.0", "musl_versions-1.0-cp311-cp311-musllinux_1_1_aarch64.whl");
        index.wheel("musl-versions", "2.0", "musl_versions-2.0-cp311-cp311-musllinux_1_2_aarch64.whl");
        index.wheel("musl-versions", "2.0", "musl_versions-2.0-cp311-cp311-manylinux_2_17_aarch64.whl");
        index.wheel("musl-versions", "2.5", "musl_versions-2.5-cp311-cp311-manylinux_2_17_aarch64.whl");
        index.wheel("musl-versions", "3.0", "musl_versions-3.0-cp311-cp311-musllinux_1_3_aarch64.whl");
        index.wheel("musl-versions", "4.0", "musl_versions-4.0-py3-none-musllinux_1_1_x86_64.whl"); // not for glibc

        // macOS: arm64 deployment targets, universal2, x86_64 deployment target too new
        index.wheel("mac-arm", "0.5", "mac_arm-0.5-py3-none-any.whl");
        index.wheel("mac-arm", "1.0", "mac_arm-1.0-cp38-abi3-macosx_11_0_arm64.whl");
        index.wheel("mac-arm", "2.0", "mac_arm-2.0-cp38-abi3-macosx_14_0_arm64.whl");
        index.wheel("mac-arm", "3.0", "mac_arm-3.0-cp38-abi3-macosx_15_0_arm64.whl");
        index.wheel("mac-universal", "0.5", "mac_universal-0.5-py3-none-any.whl");
        index.wheel("mac-universal", "1.0", "mac_universal-1.0-cp38-abi3-macosx_10_9_universal2.whl");
        index.wheel("mac-universal", "1.0", "mac_universal-1.0-cp38-abi3-macosx_11_0_arm64.whl");
        index.wheel("mac-x86", "0.5", "mac_x86-0.5-py3-none-any.whl");
        index.wheel("mac-x86", "1.0", "mac_x86-1.0-cp38-abi3-macosx_10_9_x86_64.whl");
        index.wheel("mac-x86", "2.0", "mac_x86-2.0-cp38-abi3-macosx_10_13_x86_64.whl");

        // Windows: amd64, win32, arm64
        index.wheel("win-versions", "0.5", "win_versions-0.5-py3-none-any.whl");
        for (String wheel : List.of("cp312-cp312-win32", "cp312-cp312-win_amd64", "cp313-cp313-win_amd64",
                "cp313-cp313-win_arm64")) {
            index.wheel("win-versions", "1.0", "win_versions-1.0-" + wheel + ".whl");
        }
        index.wheel("win-versions", "2.0", "win_versions-2.0-cp313-cp313-win_arm64.whl");

        index.wheel("py2py3", "1.0", "py2py3-1.0-py2.py3-none-any.whl");
        index.wheel("py2py3", "2.0", "py2py3-2.0-py2-none-any.whl");

        // nothing to install: only sdists; a newer sdist over an older wheel; a specifier nothing meets
        index.sdist("sdist-only", "1.0", "sdist_only-1.0.tar.gz");
        index.sdist("sdist-only", "1.1", "sdist-only-1.1.zip");
        index.wheel("older-wheel", "1.0", "older_wheel-1.0-py3-none-any.whl");
        index.sdist("older-wheel", "2.0", "older_wheel-2.0.tar.gz");
        index.wheel("no-version", "1.0", "no_version-1.0-py3-none-any.whl");
        return index;
    }

    private static void requiresPython(TestIndex index, String project, String version, String specifier) {
        String file = project.replace('-', '_') + "-" + version + "-py3-none-any.whl";
        index.wheel(project, version, file, specifier, List.of()).requiresPython(specifier);
    }

    @TempDir
    static Path temp;

    private static Path indexRoot;
    private static TestIndex.Served html;
    private static TestIndex.Served json;
    private static Prober prober;
    private static ExecutorService workers;

    @BeforeAll
    static void start() {
        TestIndex index = index();
        indexRoot = Path.of(index.writeTo(temp.resolve("index")));
        html = index.serve(TestIndex.Format.HTML);
        json = index.serve(TestIndex.Format.JSON);
        prober = new Prober(Duration.ofSeconds(30));
        // a pip run is mostly Python importing pip (about 0.5 s of CPU): two at a time, one per core
        workers = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stop() {
        if (workers != null) {
            workers.shutdownNow();
        }
        if (html != null) {
            html.close();
        }
        if (json != null) {
            json.close();
        }
        if (prober != null) {
            prober.close();
        }
    }

    /** How pip and the assessor read the index. */
    enum Form { FILE, HTML, JSON }

    /** A real interpreter and what its probe told. */
    private record Real(Path python, InterpreterInfo info, String problem) {
        String name() {
            return "CPython " + (info == null ? python : info.version() + " (pip " + info.pipVersion() + ") at " + python);
        }
    }

    /** One comparison: an environment read through one form of the index. */
    private record Comparison(String name, PipReference.Result pip, List<PackageResult> ours) {
    }

    @TestFactory
    Stream<DynamicNode> selectionEqualsPipsChoice() throws Exception {
        List<Real> reals = probeRealInterpreters();
        assumeTrue(!reals.isEmpty(), "needs CPython interpreters under " + pyenvRoot().resolve("versions")
                + " (pyenv); none found");

        // real interpreters: every one against file://, the oldest (oldest pip) also against HTML
        List<Real> usable = reals.stream().filter(r -> r.problem() == null).toList();
        List<DynamicNode> realTests = new ArrayList<>();
        for (Real real : reals) {
            if (real.problem() != null) {
                realTests.add(DynamicTest.dynamicTest(real.name(), () -> assumeTrue(false, real.problem())));
                continue;
            }
            AssessedEnvironment environment = Environments.ofInterpreter(real.info().version().toString(),
                    Role.PRIMARY, real.info(), real.python().toString());
            List<Form> forms = new ArrayList<>(List.of(Form.FILE));
            if (real.equals(usable.get(0))) {
                forms.add(Form.HTML);
            }
            for (Form form : forms) {
                realTests.add(comparison(real.name() + " via " + form, environment, form, real.python(), List.of()));
            }
        }

        // virtual targets: pip's platform emulation, run by the newest pip on the machine
        Real emulator = usable.stream()
                .max(Comparator.comparing((Real r) -> Version.parse(r.info().pipVersion()))).orElse(null);
        List<DynamicNode> targetTests = new ArrayList<>();
        for (int i = 0; i < TARGETS.size(); i++) {
            String id = TARGETS.get(i);
            AssessedEnvironment environment = Environments.ofTarget(id);
            boolean freeThreaded = id.startsWith("cp") && id.substring(0, id.indexOf('-')).endsWith("t");
            String missing = emulator == null
                    ? "needs a CPython with pip >= " + DRY_RUN_PIP + " to emulate " + id + "; none under " + pyenvRoot()
                    : freeThreaded && Version.parse(emulator.info().pipVersion()).compareTo(FREE_THREADED_PIP) < 0
                            ? "needs pip >= " + FREE_THREADED_PIP + " (packaging 24.1, free-threaded ABIs) to emulate "
                                    + id + "; the newest is " + emulator.name()
                            : null;
            List<Form> forms = new ArrayList<>(List.of(Form.FILE));
            if (i == 0) {
                forms.add(Form.JSON);
            }
            for (Form form : forms) {
                String name = id + " via " + form;
                targetTests.add(missing != null
                        ? DynamicTest.dynamicTest(name, () -> assumeTrue(false, missing))
                        : comparison(name + " (pip " + emulator.info().pipVersion() + " of " + emulator.python() + ")",
                                environment, form, emulator.python(), pipTargetOptions(environment)));
            }
        }
        return Stream.of(DynamicContainer.dynamicContainer("real interpreters", realTests),
                DynamicContainer.dynamicContainer("virtual targets", targetTests));
    }

    /** Starts the comparison now (pip runs take the time) and returns the test that checks it. */
    private DynamicTest comparison(String name, AssessedEnvironment environment, Form form, Path python,
            List<String> targetOptions) throws IOException {
        Path work = Files.createTempDirectory(temp, "pip-");
        Future<Comparison> future = workers.submit(() -> {
            List<PackageResult> ours = assess(environment, form);
            // pip stops at the first requirement it cannot satisfy, after preparing every one before it: those
            // we expect to fail go first so that those runs end early. The order changes no choice (--no-deps).
            List<String> order = new ArrayList<>();
            for (boolean available : List.of(false, true)) {
                for (int i = 0; i < REQUIREMENTS.size(); i++) {
                    if (ours.get(i).status().isAvailable() == available) {
                        order.add(REQUIREMENTS.get(i));
                    }
                }
            }
            PipReference.Result pip = new PipReference(python, work, PIP_TIMEOUT)
                    .choose(order, indexUrl(form), targetOptions);
            return new Comparison(name, pip, ours);
        });
        return DynamicTest.dynamicTest(name, () -> check(future.get()));
    }

    private static void check(Comparison comparison) {
        System.out.printf("%s: %d pip runs, %d ms%n", comparison.name(), comparison.pip().runs(),
                comparison.pip().duration().toMillis());
        List<Executable> checks = new ArrayList<>();
        for (int i = 0; i < REQUIREMENTS.size(); i++) {
            String requirement = REQUIREMENTS.get(i);
            PipReference.Choice pip = comparison.pip().choices().get(requirement);
            PackageResult ours = comparison.ours().get(i);
            checks.add(() -> assertEquals(pip.summary(), summary(ours),
                    () -> "'" + requirement + "' in " + comparison.name() + ": pip " + pip.describe() + "; ours: "
                            + ours.status().id() + (ours.wheel() == null ? "" : " " + ours.version() + " from " + ours.wheel())
                            + (ours.reason() == null ? "" : " (" + ours.reason() + ")")));
        }
        assertAll(comparison.name(), checks);
    }

    /** {@code <version> <file name>} for an available result, {@code nothing} for a not-available status. */
    private static String summary(PackageResult ours) {
        if (ours.status().isAvailable()) {
            return ours.version() + " " + ours.wheel();
        }
        return NOT_AVAILABLE.contains(ours.status()) ? "nothing" : "status " + ours.status().id();
    }

    /**
     * The assessor's result with the plugin's defaults ({@code transitive}: the chosen wheels' metadata is
     * read, as pip reads it; the index's wheels declare no dependencies, so only the requirements are decided).
     */
    private static List<PackageResult> assess(AssessedEnvironment environment, Form form) {
        IndexOptions options = IndexOptions.defaults();
        JdkHttpTransport transport = new JdkHttpTransport(options);
        IndexClient client = IndexClient.simpleIndex(indexUrl(form).toString(), transport, options);
        MetadataFetcher fetcher = new MetadataFetcher(transport, options);
        MetadataSource metadata = file -> CoreMetadata.parse(file.filename(), fetcher.fetchMetadata(file));
        Assessor assessor = new Assessor(client, metadata, Runnable::run, new AssessmentOptions(true, false, List.of()));
        List<TopLevelRequirement> tops = REQUIREMENTS.stream()
                .map(r -> TopLevelRequirement.of(Requirement.parse(r), SelectionMatchesPipTest.class.getSimpleName(),
                        Set.of()))
                .toList();
        return assessor.assess(tops, List.of(environment)).get(0).packages();
    }

    private static URI indexUrl(Form form) {
        return switch (form) {
            case FILE -> indexRoot.toUri();
            case HTML -> html.simpleUrl();
            case JSON -> json.simpleUrl();
        };
    }

    /**
     * pip's options for a virtual target: {@code --python-version}, {@code --implementation}, every
     * ABI of the interpreter's own tags and every platform tag, in our order.
     */
    static List<String> pipTargetOptions(AssessedEnvironment environment) {
        SupportedTags tags = environment.selection().tags();
        String interpreter = tags.tags().get(0).interpreter();
        List<String> options = new ArrayList<>(List.of("--python-version", interpreter.substring(2, 3) + "."
                + interpreter.substring(3), "--implementation", interpreter.substring(0, 2)));
        tags.tags().stream().filter(t -> t.interpreter().equals(interpreter)).map(Tag::abi).distinct()
                .forEach(abi -> options.addAll(List.of("--abi", abi)));
        tags.platforms().forEach(platform -> options.addAll(List.of("--platform", platform)));
        return options;
    }

    /** Probes every CPython 3 under pyenv; those without a pip that has --dry-run and --report carry a problem. */
    private static List<Real> probeRealInterpreters() throws Exception {
        Path versions = pyenvRoot().resolve("versions");
        List<Path> pythons = new ArrayList<>();
        if (Files.isDirectory(versions)) {
            try (Stream<Path> dirs = Files.list(versions)) {
                dirs.filter(d -> d.getFileName().toString().matches("3\\.\\d+\\.\\d+t?"))
                        .map(d -> d.resolve("bin").resolve("python"))
                        .filter(Files::isExecutable)
                        .forEach(pythons::add);
            }
        }
        Map<Path, Future<Real>> probes = new LinkedHashMap<>();
        for (Path python : pythons) {
            probes.put(python, workers.submit(() -> {
                InterpreterInfo info;
                try {
                    info = prober.probe(python);
                } catch (ProbeException e) {
                    return new Real(python, null, python + " cannot be probed: " + e.getMessage());
                }
                if (!info.implementationName().equals("cpython")) {
                    return new Real(python, info, python + " is " + info.implementationName() + ", not CPython");
                }
                if (info.pipVersion() == null) {
                    return new Real(python, info, python + " has no pip; needs pip >= " + DRY_RUN_PIP);
                }
                if (Version.parse(info.pipVersion()).compareTo(DRY_RUN_PIP) < 0) {
                    return new Real(python, info, "pip " + info.pipVersion() + " of " + python
                            + " has no --dry-run/--report; needs pip >= " + DRY_RUN_PIP);
                }
                return new Real(python, info, null);
            }));
        }
        List<Real> reals = new ArrayList<>();
        for (Future<Real> probe : probes.values()) {
            reals.add(probe.get());
        }
        reals.sort(Comparator.comparing((Real r) -> r.info() == null ? PythonVersion.of(0, 0, 0) : r.info().version()));
        return reals;
    }

    private static Path pyenvRoot() {
        String env = System.getenv("PYENV_ROOT");
        return env != null && !env.isEmpty() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".pyenv");
    }
}
