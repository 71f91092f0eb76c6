// one index for every module; fastcalc has no cp312 wheel, so a module that needs it goes to 3.11
def index = evaluate(new File(itSources, 'lib/index.groovy'))
index.build(new File(basedir, 'index'), [
    [name: 'tinyjson', version: '1.1.0', tag: 'py3-none-any'],
    [name: 'fastcalc', version: '2.1.0', tag: 'cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64'],
    [name: 'fastcalc', version: '2.1.0', sdist: true],
    [name: 'scikit-thing', version: '1.0', tag: 'py3-none-any', module: 'skthing'],
    [name: 'demo', version: '1.0', tag: 'py3-none-any'],
])
return true
