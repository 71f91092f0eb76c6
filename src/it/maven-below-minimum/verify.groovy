// Maven itself refuses the plugin from the descriptor's requiredMavenVersion, before the goal runs:
// no goal code ran, so there is no report to read and the log is the output here.
def (major, minor, patch) = (mavenVersion.tokenize('.-') + ['0', '0']).take(3).collect { it.isInteger() ? it.toInteger() : 0 }
assert major * 1_000_000 + minor * 1_000 + patch < 3_006_003 : "ran on Maven ${mavenVersion}, which is not below the minimum 3.6.3"
assert !new File(basedir, 'target/smvm/interpreters.json').exists()
def log = new File(basedir, 'build.log').text
assert log =~ /The plugin io\.github\.smvm:smvm-maven-plugin:\S+ requires Maven version 3\.6\.3/ :
        'no message naming the required Maven version'
return true
