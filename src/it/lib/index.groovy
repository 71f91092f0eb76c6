// Shared by the integration tests' setup.groovy scripts: builds a PEP 503 `file://` index of tiny,
// real wheels (and fake sdists) described in the test, so that no test needs the network.
//
//   def index = evaluate(new File(itSources, 'lib/index.groovy'))
//   index.build(new File(basedir, 'index'), [
//       [name: 'demo', version: '1.0', tag: 'py3-none-any', requires: ['other>=1'],
//        projectUrls: [Homepage: 'https://example.org/demo']],
//       [name: 'slow', version: '2.0', sdist: true],
//       [name: 'explodes', version: '1.0', tag: 'py3-none-any', source: "raise RuntimeError('boom')\n"],
//       [name: 'scikit-thing', version: '1.0', tag: 'py3-none-any', module: 'skthing'],
//       [name: 'broken', version: '1.0', tag: 'py3-none-any', garbage: true],   // not a zip: pip fails
//   ])
import java.security.MessageDigest
import java.util.zip.ZipEntry
import java.util.zip.ZipOutputStream

def sha256 = { byte[] data -> MessageDigest.getInstance('SHA-256').digest(data) }
def hex = { byte[] data -> sha256(data).encodeHex().toString() }
def b64 = { byte[] data -> Base64.urlEncoder.withoutPadding().encodeToString(sha256(data)) }
def normalize = { String name -> name.replaceAll(/[-_.]+/, '-').toLowerCase() }

def wheelBytes = { Map spec ->
    if (spec.garbage) return "not a zip file\n".bytes
    def module = spec.module ?: spec.name.replaceAll(/[-.]/, '_')
    def distInfo = "${spec.name.replaceAll(/[-.]/, '_')}-${spec.version}.dist-info"
    def metadata = ["Metadata-Version: 2.1", "Name: ${spec.name}", "Version: ${spec.version}"]
    if (spec.requiresPython) metadata << "Requires-Python: ${spec.requiresPython}"
    (spec.requires ?: []).each { metadata << "Requires-Dist: ${it}" }
    (spec.projectUrls ?: [:]).each { label, url -> metadata << "Project-URL: ${label}, ${url}" }
    def files = new LinkedHashMap<String, byte[]>()
    files["${module}/__init__.py"] = (spec.source ?: "__version__ = '${spec.version}'\n").bytes
    files["${distInfo}/METADATA"] = (metadata.join('\n') + '\n').bytes
    files["${distInfo}/WHEEL"] = "Wheel-Version: 1.0\nGenerator: smvm-it\nRoot-Is-Purelib: true\nTag: ${spec.tag}\n".bytes
    def record = files.collect { path, data -> "${path},sha256=${b64(data)},${data.length}" }
    record << "${distInfo}/RECORD,,"
    files["${distInfo}/RECORD"] = (record.join('\n') + '\n').bytes
    def out = new ByteArrayOutputStream()
    new ZipOutputStream(out).withCloseable { zip ->
        files.each { path, data ->
            def entry = new ZipEntry(path)
            entry.time = 1704067200000L
            zip.putNextEntry(entry)
            zip.write(data)
            zip.closeEntry()
        }
    }
    return out.toByteArray()
}

def build = { File root, List<Map> specs ->
    def byProject = specs.groupBy { normalize(it.name) }
    byProject.each { project, files ->
        def dir = new File(root, project)
        dir.mkdirs()
        def links = []
        files.each { spec ->
            def module = spec.name.replaceAll(/[-.]/, '_')
            String filename
            byte[] data
            if (spec.sdist) {
                filename = "${module}-${spec.version}.tar.gz"
                data = "not a real sdist\n".bytes
            } else {
                filename = "${module}-${spec.version}-${spec.tag}.whl"
                data = wheelBytes(spec)
            }
            new File(dir, filename).bytes = data
            def attrs = spec.requiresPython ? " data-requires-python=\"${spec.requiresPython.replace('>', '&gt;').replace('<', '&lt;')}\"" : ''
            links << "<a href=\"${filename}#sha256=${hex(data)}\"${attrs}>${filename}</a>"
        }
        new File(dir, 'index.html').text = "<!DOCTYPE html>\n<html><body>\n${links.join('\n')}\n</body></html>\n"
    }
    new File(root, 'index.html').text = "<!DOCTYPE html>\n<html><body>\n" +
            byProject.keySet().collect { "<a href=\"${it}/\">${it}</a>" }.join('\n') + "\n</body></html>\n"
    return root.toURI().toString()
}

def python = { String minor ->
    def root = System.getenv('PYENV_ROOT') ?: (System.getProperty('user.home') + '/.pyenv')
    def dirs = (new File(root, 'versions').listFiles() ?: []).findAll { it.name.startsWith(minor + '.') }
    def found = dirs.collect { new File(it, 'bin/python') }.find { it.canExecute() }
    if (found) return found
    return ["/usr/bin/python${minor}", "/usr/local/bin/python${minor}"].collect { new File(it) }.find { it.canExecute() }
}

// Every path, link target and file content under a directory, hashed: equal means byte for byte equal.
def snapshot = { File root ->
    def digest = MessageDigest.getInstance('SHA-256')
    def base = root.toPath()
    def paths = []
    java.nio.file.Files.walk(base).withCloseable { stream -> stream.forEach { paths << it } }
    paths.sort { it.toString() }.each { p ->
        digest.update(base.relativize(p).toString().bytes)
        if (java.nio.file.Files.isSymbolicLink(p)) {
            digest.update(java.nio.file.Files.readSymbolicLink(p).toString().bytes)
        } else if (java.nio.file.Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            digest.update(java.nio.file.Files.readAllBytes(p))
        }
    }
    return digest.digest().encodeHex().toString()
}

// Runs a command (an argument list, no shell) and returns its trimmed stdout; fails on a non-zero exit.
def run = { List<String> command ->
    def process = new ProcessBuilder(command).redirectErrorStream(true).start()
    def out = process.inputStream.text
    assert process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS) && process.exitValue() == 0: "${command}: ${out}"
    return out.trim()
}

return [build: build, python: python, normalize: normalize, snapshot: snapshot, run: run]
