import java.nio.file.Files

// Links a real interpreter into a directory whose name has spaces and both kinds of quotes.
def root = System.getenv('PYENV_ROOT') ?: (System.getProperty('user.home') + '/.pyenv')
def candidates = (new File(root, 'versions').listFiles() ?: []).findAll { it.name ==~ /3\.\d+\.\d+/ }.sort { it.name }.collect { new File(it, 'bin/python') }
candidates += ['/usr/bin/python3', '/usr/local/bin/python3'].collect { new File(it) }
def real = candidates.find { it.canExecute() }
def dir = new File(basedir, 'py dir \'with\' "quotes"')
dir.mkdirs()
Files.createSymbolicLink(new File(dir, 'python').toPath(), real.canonicalFile.toPath())
new File(basedir, 'linked-to.txt').text = real.canonicalPath
return true
