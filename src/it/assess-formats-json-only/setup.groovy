def index = evaluate(new File(itSources, 'lib/index.groovy'))
index.build(new File(basedir, 'index'), [
    [name: 'tinyjson', version: '1.0.0', tag: 'py3-none-any'],
    [name: 'tinyjson', version: '1.1.0', tag: 'py3-none-any', requiresPython: '>=3.8'],
    [name: 'report-kit', version: '0.3.0', tag: 'cp38-abi3-manylinux_2_17_x86_64.manylinux2014_x86_64'],
    [name: 'report-kit', version: '0.3.0', tag: 'cp38-abi3-manylinux_2_17_aarch64.manylinux2014_aarch64'],
])
return true
