def lib = evaluate(new File(itSources, 'lib/index.groovy'))
lib.build(new File(basedir, 'index'), [
    [name: 'tinyjson', version: '1.1.0', tag: 'py3-none-any'],
    [name: 'slowcalc', version: '1.0', sdist: true],
])
return true
