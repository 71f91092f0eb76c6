package io.github.smvm.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.smvm.process.ProcessResult;
import io.github.smvm.process.ProcessRunner;
import io.github.smvm.process.ProcessSpec;
import io.github.smvm.testing.PyenvInterpreters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The netrc parser, and its answers compared with Python's {@code netrc} module, which pip uses. */
class NetrcTest {

    /** Files and what each must answer; the answers are checked against Python 3.12's netrc below. */
    private static final List<String> FILES = List.of(
            "machine a.example login u password p",
            "machine a.example\n  login u\n  password p\n",
            "machine a.example login u password p\ndefault login d password dp\n",
            "# a comment line\nmachine a.example login u password p # trailing comment\n",
            "macdef init\ncd /pub\nbin\n\nmachine a.example login u password p\n",
            "machine a.example login \"u s\" password \"p\\\"q r\"\n",
            "machine a.example account acct password p\n",
            "machine a.example login u1 password p1\nmachine a.example login u2 password p2\n",
            "machine a.example login u password #not-a-comment\n",
            "machine a.example user u password p\n",
            "machine a.example login u\nmachine b.example password only\n",
            "machine a.example login u passwd p\n",
            "login u password p\n",
            "machine a.example login u password p\nmacdef init\ncd /pub\n",
            "machine a.example login u password\n",
            "machine a.example login \"u password p\n");

    @TempDir
    Path tmp;

    @Test
    void aMachineEntryAcrossLinesGivesLoginAndPassword() {
        Netrc netrc = Netrc.parse("machine a.example\n  login u\n  password p\n", "n");
        assertEquals(Optional.of(new Netrc.Login("u", "p")), netrc.forHost("a.example"));
        assertEquals(Optional.empty(), netrc.forHost("b.example"));
    }

    @Test
    void defaultAnswersForOtherHosts() {
        Netrc netrc = Netrc.parse("machine a login u password p\ndefault login d password dp\n", "n");
        assertEquals(Optional.of(new Netrc.Login("d", "dp")), netrc.forHost("zzz"));
        assertEquals(Optional.of(new Netrc.Login("u", "p")), netrc.forHost("a"));
    }

    @Test
    void aMalformedFileNamesFileAndLine() {
        Netrc.MalformedException e = assertThrows(Netrc.MalformedException.class,
                () -> Netrc.parse("machine a login u\n  passwd s3cret-value\n", "/home/ci/.netrc"));
        assertEquals("/home/ci/.netrc line 2: 'passwd' in the entry of machine a where login, account or password "
                + "was expected", e.getMessage());
        assertEquals(2, e.line());
        assertFalse(e.getMessage().contains("s3cret-value"));
    }

    @Test
    void printingShowsNoPassword() {
        Netrc netrc = Netrc.parse("machine a login u password s3cret\ndefault login d password d3fault", "/n");
        assertEquals("Netrc[/n, machines=[a], default]", netrc.toString());
        assertEquals("Login[user=u, password=****]", netrc.forHost("a").orElseThrow().toString());
        assertEquals(List.of("s3cret", "d3fault"), netrc.passwords());
    }

    @Test
    void theFileIsNetrcWhenSetElseDotNetrcThenUnderscoreNetrc() {
        Path home = Path.of("/home/ci");
        assertEquals(Optional.of(Path.of("/etc/ci.netrc")), Netrc.locate(Map.of("NETRC", "/etc/ci.netrc"), home,
                p -> true));
        assertEquals(Optional.empty(), Netrc.locate(Map.of("NETRC", "/etc/ci.netrc"), home,
                p -> !p.toString().equals("/etc/ci.netrc")));
        assertEquals(Optional.of(home.resolve("_netrc")), Netrc.locate(Map.of(), home,
                p -> p.getFileName().toString().equals("_netrc")));
        assertEquals(Optional.of(home.resolve(".netrc")), Netrc.locate(Map.of(), home, p -> true));
    }

    /** What our parser answers for hosts a.example, b.example and zzz, or the error line, in Python's shape. */
    private static Map<String, Object> ours(String text) {
        Map<String, Object> answer = new LinkedHashMap<>();
        try {
            Netrc netrc = Netrc.parse(text, "f");
            for (String host : List.of("a.example", "b.example", "zzz")) {
                answer.put(host, netrc.forHost(host).map(l -> List.of(l.user(), l.password())).orElse(null));
            }
        } catch (Netrc.MalformedException e) {
            answer.put("error_line", e.line());
        }
        return answer;
    }

    @Test
    void answersAsPython312sNetrcModuleDoes() throws Exception {
        Optional<Path> python = PyenvInterpreters.version("3.12.");
        assumeTrue(python.isPresent(), "needs a pyenv Python 3.12 (pip on it reads netrc with its netrc module)");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < FILES.size(); i++) {
            Path file = tmp.resolve("netrc" + i);
            Files.writeString(file, FILES.get(i));
            names.add(file.toString());
        }
        // requests' get_netrc_auth: (login or account, password) of authenticators(host)
        String script = String.join("\n",
                "import json, netrc, sys",
                "out = []",
                "for f in sys.argv[1:]:",
                "    a = {}",
                "    try:",
                "        n = netrc.netrc(f)",
                "        for h in ('a.example', 'b.example', 'zzz'):",
                "            e = n.authenticators(h)",
                "            a[h] = None if not e else [e[0] if e[0] else e[1], e[2]]",
                "    except netrc.NetrcParseError as x:",
                "        a = {'error_line': x.lineno}",
                "    out.append(a)",
                "print(json.dumps(out))");
        List<String> command = new ArrayList<>(List.of(python.get().toString(), "-I", "-c", script));
        command.addAll(names);
        ProcessResult result = ProcessRunner.system().run(ProcessSpec.builder(command)
                .timeout(Duration.ofSeconds(60)).build());
        assertEquals(0, result.exitCode(), result::describe);
        JsonNode python312 = new ObjectMapper().readTree(result.stdout());
        ObjectMapper mapper = new ObjectMapper();
        for (int i = 0; i < FILES.size(); i++) {
            assertEquals(python312.get(i), mapper.valueToTree(ours(FILES.get(i))), "file " + i + ": " + FILES.get(i));
        }
    }
}
