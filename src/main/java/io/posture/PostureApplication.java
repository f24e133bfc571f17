package io.posture;

import io.posture.cli.Cli;
import io.posture.scoring.ScoreFormula;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(ScoreFormula.class)
public class PostureApplication {

    public static void main(String[] args) {
        if (Cli.handles(args)) {
            System.exit(Cli.run(args, System.out, System.err));
        }
        SpringApplication.run(PostureApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
