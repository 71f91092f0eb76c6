// Needs one real CPython 3 to link to; otherwise invoker reports the test as skipped.
def root = System.getenv('PYENV_ROOT') ?: (System.getProperty('user.home') + '/.pyenv')
def candidates = (new File(root, 'versions').listFiles() ?: []).findAll { it.name ==~ /3\.\d+\.\d+/ }.collect { new File(it, 'bin/python') }
candidates += ['/usr/bin/python3', '/usr/local/bin/python3'].collect { new File(it) }
if (!candidates.any { it.canExecute() }) {
    println 'SKIPPED interpreters-path-with-spaces: needs a CPython 3 interpreter (pyenv, /usr/bin/python3 or /usr/local/bin/python3)'
    return false
}
return true
