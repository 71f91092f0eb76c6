import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def health = new JsonSlurper().parse(new File(basedir, 'target/smvm/wheel-health.json'))
assert health.wheel_status == 'primary_healthy'
assert !new File(basedir, 'target/smvm/vendor-support-report.json').exists()
assert !new File(basedir, 'target/smvm/vendor-support-report.md').exists()
assert log.contains('[INFO] Skipping the vendor report: Every requirement installs from wheels in every assessed '
        + 'environment (wheel status primary_healthy); set smvm.vendorReport.onlyWhenDegraded=false to write it anyway')
assert log.contains('[INFO] Deleted the report of an earlier run: target/smvm/vendor-support-report.json')
assert log.contains('[INFO] Deleted the report of an earlier run: target/smvm/vendor-support-report.md')
assert log.contains('BUILD SUCCESS')
return true
