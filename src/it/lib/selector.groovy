// Shared selector: the assess integration tests need CPython 3.12 (primary) and 3.11 (fallback).
def index = evaluate(new File(itSources, 'lib/index.groovy'))
def missing = ['3.12', '3.11'].findAll { !index.python(it) }
if (missing) {
    println "SKIPPED ${basedir.name}: needs CPython ${missing.join(' and ')} (under pyenv, /usr/bin or /usr/local/bin)"
    return false
}
return true
