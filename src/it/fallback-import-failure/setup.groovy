def lib = evaluate(new File(itSources, 'lib/index.groovy'))
lib.build(new File(basedir, 'index'), [
    [name: 'tinyjson', version: '1.1.0', tag: 'py3-none-any'],
    [name: 'explodes', version: '1.0', tag: 'py3-none-any', source: "raise RuntimeError('boom on import')\n"],
])
// the environment the project had before: a real venv with a file of the user's in it
def venv = new File(basedir, '.venv')
lib.run([lib.python('3.11').path, '-I', '-m', 'venv', '--without-pip', venv.path])
new File(venv, 'notes.txt').text = 'the user keeps this\n'
new File(basedir, 'old-venv.sha256').text = lib.snapshot(venv)
return true
