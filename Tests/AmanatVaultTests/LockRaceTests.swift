import Foundation
import GRDB
import Testing

@testable import AmanatVault

/// Under heavy load SQLite can give up on its WAL locks (`SQLITE_PROTOCOL`, "locking protocol"); a full test
/// run on a loaded two-core machine met it. The store runs such a transaction again, and nothing else.
@Suite("Lost races for SQLite's WAL locks")
struct LockRaceTests {
    @Test("a transaction that lost the lock race is run again, and its result returned")
    func retried() throws {
        var attempts = 0
        let result = try SQLiteVaultStore.retryingLockRaces { () throws -> Int in
            attempts += 1
            if attempts < 3 { throw DatabaseError(resultCode: .SQLITE_PROTOCOL, message: "locking protocol") }
            return 42
        }
        #expect(result == 42 && attempts == 3)
    }

    @Test("any other failure is reported at once, and a race lost every time ends in a clear error")
    func notRetried() throws {
        var attempts = 0
        #expect(throws: AmanatVaultError.self) {
            try SQLiteVaultStore.retryingLockRaces { () throws -> Int in
                attempts += 1
                throw DatabaseError(resultCode: .SQLITE_IOERR, message: "disk I/O error")
            }
        }
        #expect(attempts == 1)
        attempts = 0
        #expect {
            try SQLiteVaultStore.retryingLockRaces { () throws -> Int in
                attempts += 1
                throw DatabaseError(resultCode: .SQLITE_PROTOCOL, message: "locking protocol")
            }
        } throws: { error in
            guard case .storage(let message) = error as? AmanatVaultError else { return false }
            return message.contains("locking protocol") && message.contains("SQLite code 15")
        }
        #expect(attempts == 9)
    }
}
