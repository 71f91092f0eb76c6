// A loopback index that demands Basic credentials (user ci-reader, password idx-pa55w0rd-K9x2), named by
// requirements.txt without credentials; the master password that decrypts the settings.xml server's password.
import com.sun.net.httpserver.HttpHandler
import com.sun.net.httpserver.HttpServer

// master password it-master-pw-7f3a, encrypted by: mvn -B --encrypt-master-password it-master-pw-7f3a
// (the server's password in settings.xml by: mvn -B --encrypt-password idx-pa55w0rd-K9x2
//  -Dsettings.security=settings-security.xml)
new File(basedir, 'settings-security.xml').text = '''\
<settingsSecurity>
  <master>{PCx1BH9UU4AHVfpipsNRZjR41u7kvm7UZfYimApLRyrTJVjMe/RD4EGZ6onHJKJA}</master>
</settingsSecurity>
'''

def index = evaluate(new File(itSources, 'lib/index.groovy'))
def root = new File(basedir, 'index')
index.build(root, [
    [name: 'tinyjson', version: '1.1.0', tag: 'py3-none-any', requiresPython: '>=3.8'],
    [name: 'fastcalc', version: '2.1.0', tag: 'py3-none-any'],
])

def expected = 'Basic ' + 'ci-reader:idx-pa55w0rd-K9x2'.bytes.encodeBase64().toString()
def server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0)
def requests = Collections.synchronizedList([])
server.createContext('/', { exchange ->
    try {
        def path = exchange.requestURI.path
        if (path == '/stop') {
            exchange.sendResponseHeaders(200, -1)
            Thread.start { server.stop(0) }
            return
        }
        def authorized = exchange.requestHeaders.getFirst('Authorization') == expected
        requests << "${authorized ? 'authorized' : 'refused'} ${path}".toString()
        if (!authorized) {
            exchange.responseHeaders.add('WWW-Authenticate', 'Basic realm="it"')
            exchange.sendResponseHeaders(401, -1)
            return
        }
        def file = new File(root, path.replaceFirst('^/simple/?', ''))
        if (file.isDirectory()) file = new File(file, 'index.html')
        if (!path.startsWith('/simple/') || !file.isFile() || path.contains('..')) {
            exchange.sendResponseHeaders(404, -1)
            return
        }
        def body = file.bytes
        exchange.responseHeaders.add('Content-Type', file.name.endsWith('.html') ? 'text/html' : 'application/octet-stream')
        exchange.sendResponseHeaders(200, body.length)
        exchange.responseBody.write(body)
    } finally {
        exchange.close()
    }
} as HttpHandler)
server.start()
def port = server.address.port
new Timer(true).schedule({ server.stop(0) } as TimerTask, 10 * 60 * 1000L)
System.properties.put('smvm.it.assess-index-credentials.requests', requests)

new File(basedir, 'server.port').text = "${port}"
new File(basedir, 'requirements.txt').text = """\
--index-url http://127.0.0.1:${port}/simple/
tinyjson>=1.0
fastcalc~=2.0
"""
return true
