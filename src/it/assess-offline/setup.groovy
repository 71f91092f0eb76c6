def index = evaluate(new File(itSources, 'lib/index.groovy'))
index.build(new File(basedir, 'index'), [
    [name: 'tinyjson', version: '1.1.0', tag: 'py3-none-any'],
])
return true
