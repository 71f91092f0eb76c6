// Runs only where pyenv keeps interpreters; otherwise invoker reports the test as skipped.
def root = System.getenv('PYENV_ROOT') ?: (System.getProperty('user.home') + '/.pyenv')
def versions = new File(root, 'versions')
if (!versions.isDirectory() || !versions.listFiles().any { it.name ==~ /3\.\d+\.\d+/ }) {
    println "SKIPPED interpreters-lists-pyenv: needs CPython 3.x interpreters under ${versions}"
    return false
}
return true
