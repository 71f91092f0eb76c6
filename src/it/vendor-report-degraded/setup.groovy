// fastcalc has cp311 wheels only (and an sdist); dataapp is pure Python but needs speedups, which has
// cp311 wheels only: on 3.12 both fail, on 3.11 everything installs from wheels.
def index = evaluate(new File(itSources, 'lib/index.groovy'))
index.build(new File(basedir, 'index'), [
    [name: 'tinyjson', version: '1.1.0', tag: 'py3-none-any', requiresPython: '>=3.8'],
    [name: 'report-kit', version: '0.3.0', tag: 'cp38-abi3-manylinux_2_17_x86_64.manylinux2014_x86_64'],
    [name: 'report-kit', version: '0.3.0', tag: 'cp38-abi3-manylinux_2_17_aarch64.manylinux2014_aarch64'],
    [name: 'fastcalc', version: '2.0.4', tag: 'cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64'],
    [name: 'fastcalc', version: '2.1.0', tag: 'cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64',
     projectUrls: [Homepage: 'https://fastcalc.example.org', Issues: 'https://tracker.example.org/fastcalc/issues']],
    [name: 'fastcalc', version: '2.1.0', tag: 'cp311-cp311-manylinux_2_17_aarch64.manylinux2014_aarch64',
     projectUrls: [Homepage: 'https://fastcalc.example.org', Issues: 'https://tracker.example.org/fastcalc/issues']],
    [name: 'fastcalc', version: '2.1.0', sdist: true],
    [name: 'dataapp', version: '1.0', tag: 'py3-none-any', requires: ['speedups>=1.0']],
    [name: 'speedups', version: '1.2.0', tag: 'cp311-cp311-manylinux_2_28_x86_64'],
    [name: 'speedups', version: '1.2.0', tag: 'cp311-cp311-manylinux_2_28_aarch64'],
])
return true
