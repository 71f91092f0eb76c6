// Shared by the vendor-report integration tests' verify.groovy scripts: the facts of this machine,
// found out independently of the plugin (uname, getconf, os-release, the interpreters themselves),
// and a check that a vendor report's `environment` section states exactly these facts.
//
//   def machine = evaluate(new File(itSources, 'lib/machine.groovy'))
//   machine.checkEnvironment(report)

def run = { List<String> command ->
    def process = command.execute()
    def out = new StringBuilder(), err = new StringBuilder()
    process.waitForProcessOutput(out, err)
    return [code: process.exitValue(), out: out.toString().trim(), err: err.toString().trim()]
}

def onPath = { String name ->
    (System.getenv('PATH') ?: '').split(File.pathSeparator).findAll { it }.collect { new File(it, name) }
            .find { it.isFile() && it.canExecute() }
}

def firstLine = { String text -> text.readLines().find { it.trim() }?.trim() }

def osRelease = {
    def file = [new File('/etc/os-release'), new File('/usr/lib/os-release')].find { it.isFile() }
    if (!file) return null
    def values = [:]
    file.eachLine { line ->
        def m = line =~ /^([A-Z_]+)=(.*)$/
        if (m) values[m[0][1]] = m[0][2].replaceAll(/^["']|["']$/, '')
    }
    return values
}

def pythonVersion = { String executable ->
    run([executable, '-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])']).out
}

def pipVersion = { String executable ->
    def result = run([executable, '-m', 'pip', '--version'])
    def m = result.out =~ /^pip (\S+)/
    return m ? m[0][1] : null
}

// the version of the Maven that ran the integration test: the invoker's `mavenVersion` script variable, which it
// reads from the maven-core jar of the Maven home it runs. Not this JVM's maven.home: that is the Maven running
// the invoker, and the ITs also run on other Mavens (the pom's integration-test-maven-* executions).
def mavenVersion = { ->
    def version = binding.hasVariable('mavenVersion') ? binding.getVariable('mavenVersion') : null
    assert version : 'the invoker did not pass mavenVersion to the script'
    return version
}

def checkEnvironment = { report ->
    def env = report.environment
    assert env.architecture == run(['uname', '-m']).out
    assert env.operating_system.name == run(['uname', '-s']).out
    assert env.operating_system.version == run(['uname', '-r']).out
    def release = osRelease()
    if (release) {
        assert env.operating_system.distribution.id == release.ID
        assert env.operating_system.distribution.version_id == release.VERSION_ID
        assert env.operating_system.distribution.name == (release.PRETTY_NAME ?: release.NAME)
    } else {
        assert env.operating_system.distribution == null
    }
    def glibc = run(['getconf', 'GNU_LIBC_VERSION'])
    if (glibc.code == 0 && glibc.out.startsWith('glibc ')) {
        assert env.libc.family == 'glibc'
        assert env.libc.version == glibc.out.substring('glibc '.length())
    }
    assert env.java.version == System.getProperty('java.version')
    assert env.maven.version == mavenVersion()
    ['gcc', 'clang'].each { name ->
        def tool = env.build_tools.find { it.name == name }
        def found = onPath(name)
        assert tool.found == (found != null)
        if (found) {
            assert tool.path == found.path
            assert tool.version == firstLine(run([found.path, '--version']).out)
        }
    }
    assert env.build_tools*.name == ['gcc', 'clang', 'cl.exe']
    assert env.source_builds_possible == env.build_tools.any { it.found }
    // every interpreter listed is real: it runs, and says the version and pip version the report states
    assert !env.python_interpreters.isEmpty()
    env.python_interpreters.each { i ->
        assert new File(i.executable).canExecute()
        assert pythonVersion(i.executable) == i.version
        assert pipVersion(i.executable) == i.pip_version
        if (i.implementation == 'cpython' && i.platform_tag?.startsWith('manylinux_')) {
            assert i.platform_tag.endsWith('_' + env.architecture)
        }
    }
    // the assessed interpreters are the ones the report names, with their real versions
    env.assessed_environments.findAll { it.role in ['primary', 'fallback'] && it.available }.each { e ->
        assert pythonVersion(e.executable) == e.python_version
        assert pipVersion(e.executable) == e.pip_version
        def m = e.platform =~ /^manylinux_(\d+)_(\d+)_(.+)$/
        if (m && env.libc.family == 'glibc') {
            assert "${m[0][1]}.${m[0][2]}" == env.libc.version
            assert m[0][3] == env.architecture
        }
        assert env.python_interpreters.find { it.executable == e.executable || it.path == e.executable }
    }
    return true
}

return [run: run, onPath: onPath, firstLine: firstLine, osRelease: osRelease, pythonVersion: pythonVersion,
        pipVersion: pipVersion, mavenVersion: mavenVersion, checkEnvironment: checkEnvironment]
