import groovy.json.JsonSlurper

def lib = evaluate(new File(itSources, 'lib/index.groovy'))
def slurper = new JsonSlurper()
def log = new File(basedir, 'build.log').text

// the build ran on four threads, and Maven found nothing to warn about in our goals
assert log.contains('Using the MultiThreadedBuilder implementation with a thread count of 4')
// (Maven 3.8: "Your build is requesting parallel execution, but project contains the following
// plugin(s) that have goals not marked as @threadSafe"; 3.9: "... not marked as thread-safe")
assert !log.contains('requesting parallel execution') && !log.contains('threadSafe') && !log.contains('thread-safe')
assert !log.contains('ConcurrentModificationException') && !log.contains('OverlappingFileLockException')

// each module's own assessment of its own requirements, in its own target/ and .smvm/
def shared = ['fastcalc', 'scikit-thing', 'tinyjson']
def modules = [
    alpha  : [names: ['tinyjson'], status: 'primary_healthy'],
    beta   : [names: ['fastcalc', 'tinyjson'], status: 'fallback_available'],
    gamma  : [names: ['scikit-thing', 'demo'], status: 'primary_healthy'],
    delta  : [names: shared, status: 'fallback_available'],
    epsilon: [names: shared, status: 'fallback_available'],
]
modules.each { name, expected ->
    def dir = new File(basedir, name)
    def report = slurper.parse(new File(dir, 'target/smvm/wheel-health.json'))
    assert report.wheel_status == expected.status: name
    assert report.environments*.role.containsAll(['primary', 'fallback']): name
    report.environments.findAll { it.role in ['primary', 'fallback'] }.each { env ->
        assert env.packages*.name == expected.names: "${name} ${env.role}"
    }
    ['wheel-health.html', 'wheel-health.md', 'TEST-smvm-wheel-health.xml'].each {
        assert new File(dir, "target/smvm/${it}").length() > 0: "${name}/target/smvm/${it}"
    }
    def md = new File(dir, 'target/smvm/wheel-health.md').text
    assert md.startsWith('## ') && md.contains("`${expected.status}`"): "${name}'s wheel-health.md"
    def junit = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
            .parse(new File(dir, 'target/smvm/TEST-smvm-wheel-health.xml')).documentElement
    assert junit.tagName in ['testsuites', 'testsuite']: name
    def cases = junit.getElementsByTagName('testcase')
    // one test case per requirement (as written in this module's requirements) and environment
    def written = report.environments.findAll { it.role in ['primary', 'fallback'] }.collectMany { it.packages*.requirement }
    assert (0..<cases.length).collect { cases.item(it).getAttribute('name') }.sort() == written.sort(): name
    def history = new File(dir, '.smvm/wheel-health-history.jsonl').readLines()
    assert history.size() == 1: "${name}: one run, one history line: ${history}"
    assert slurper.parseText(history[0]).status == expected.status: name
}
assert !new File(basedir, 'target/smvm').exists() && !new File(basedir, '.smvm').exists()

// delta and epsilon: one built ../shared-venv on 3.11 while the other waited for the lock, then found it up to date
def events = ['delta', 'epsilon'].collectEntries { name ->
    def lines = new File(basedir, "${name}/.smvm/wheel-fallback.log").readLines()
    assert lines.size() == 1: "${name}: ${lines}"
    [(name): slurper.parseText(lines[0])]
}
assert events.values()*.event.sort() == ['environment_up_to_date', 'wheel_fallback_successful']
assert events.values().every { it.error == null && it.packages == 3 && it.backup == null }
def venv = new File(basedir, 'shared-venv')
def python = new File(venv, 'bin/python')
def report = slurper.parse(new File(basedir, 'delta/target/smvm/wheel-health.json'))
def probe = lib.run([python.path, '-I', '-B', '-c',
        'import sys, fastcalc, skthing, tinyjson; print(".".join(map(str, sys.version_info[:3])), fastcalc.__version__)'])
assert probe == "${report.fallback_python} 2.1.0"
assert lib.run([python.path, '-I', '-m', 'pip', 'freeze']).readLines() == ['fastcalc==2.1.0', 'scikit-thing==1.0', 'tinyjson==1.1.0']
['delta', 'epsilon'].each { name ->
    def config = new Properties()
    new File(basedir, "${name}/.smvm_config").withInputStream { config.load(it) }
    assert config.python_version == report.fallback_python: name
    assert new File(config.venv).canonicalPath == venv.canonicalPath: name
}
if (log.contains('another build in this JVM is working on')) {
    println 'reactor-parallel: one fallback waited for the other (in-JVM lock)'
}

// nothing left over beside the shared environment: no build directory, journal or backup
assert basedir.listFiles().findAll { it.name.startsWith('shared-venv.') && it.name != 'shared-venv.smvm.lock' } == []
return true
