def index = evaluate(new File(itSources, 'lib/index.groovy'))
index.build(new File(basedir, 'index'), [
    [name: 'webapp', version: '1.0', tag: 'py3-none-any', requires: ['modelkit>=1.0']],
    [name: 'modelkit', version: '1.2', tag: 'py3-none-any', requires: ['fastcore', 'tinyjson; python_version < "3"']],
    [name: 'fastcore', version: '0.9', tag: 'cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64'],
    [name: 'fastcore', version: '0.9', sdist: true],
    [name: 'tinyjson', version: '1.0.0', tag: 'py3-none-any'],
])
return true
